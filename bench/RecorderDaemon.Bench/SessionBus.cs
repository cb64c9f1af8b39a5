using RecorderDaemon.Client;
using RecorderDaemon.Native;

namespace RecorderDaemon.Bench;

/// <summary>The bench's own connection to the bus its daemons serve on, to see whether one of them owns the name.</summary>
internal sealed class SessionBus : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly GLibLoop _loop = new("bench-bus");
    private readonly DBusConnection _connection;

    public SessionBus(string address)
    {
        Address = address;
        try
        {
            _connection = DBusConnection.ForAddress(_loop, address);
        }
        catch
        {
            _loop.Dispose();
            throw;
        }
    }

    public string Address { get; }

    /// <summary>Whether <c>io.github.recorderd</c> has an owner (<c>NameHasOwner</c>, which never activates a service).</summary>
    public async Task<bool> RecorderdIsServingAsync()
    {
        using var reply = await _connection.CallAsync(
            _loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
            GVariant.Tuple(GVariant.String(RecorderBus.Name)), "(b)", CallTimeout);
        using var owned = reply.GetChild(0);
        return owned.GetBoolean();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _loop.Dispose();
    }
}
