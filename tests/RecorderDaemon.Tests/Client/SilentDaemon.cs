using RecorderDaemon.Client;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Client;

/// <summary>A private bus on which recorderd's name is owned by a connection that takes every call without ever answering.</summary>
public sealed class SilentDaemon : IPathMethodHandler, IDisposable
{
    private readonly PrivateBus _bus = new();
    private readonly DBusConnection _connection;

    private SilentDaemon() => _connection = new DBusConnection(_bus.Address);

    public string Address => _bus.Address;

    public string Path => RecorderBus.ManagerPath;

    public bool HandlesChildPaths => true;

    public static async Task<SilentDaemon> StartAsync()
    {
        var daemon = new SilentDaemon();
        await daemon._connection.ConnectAsync();
        daemon._connection.AddMethodHandler(daemon);
        await daemon._connection.RequestNameAsync(RecorderBus.Name);
        return daemon;
    }

    // Tmds answers UnknownMethod for a call whose context is disposed unanswered; this one is never disposed.
    public ValueTask HandleMethodAsync(MethodContext context)
    {
        context.DisposesAsynchronously = true;
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _bus.Dispose();
    }
}
