using RecorderDaemon.Client;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Client;

/// <summary>A private bus on which recorderd's name is owned by a connection that takes every call without ever answering.</summary>
public sealed class SilentDaemon : IPathMethodHandler, IDisposable
{
    private readonly PrivateBus _bus = new();
    private BusClient? _client;

    private SilentDaemon()
    {
    }

    public string Address => _bus.Address;

    public string Path => RecorderBus.ManagerPath;

    public bool HandlesChildPaths => true;

    public static async Task<SilentDaemon> StartAsync()
    {
        var daemon = new SilentDaemon();
        try
        {
            daemon._client = await BusClient.ConnectAsync(daemon.Address);
            await daemon._client.ServeAsync(daemon, RecorderBus.Name);
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    // Tmds answers UnknownMethod for a call whose context is disposed unanswered; this one is never disposed.
    public ValueTask HandleMethodAsync(MethodContext context)
    {
        context.DisposesAsynchronously = true;
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _bus.Dispose();
    }
}
