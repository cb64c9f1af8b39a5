using RecorderDaemon.Native;

namespace RecorderDaemon.TestSupport;

/// <summary>A connection of this process to a bus, on a GLib loop of its own, to watch names and make calls.</summary>
public sealed class ClientConnection : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <param name="name">the name of the GLib loop's thread</param>
    public ClientConnection(string address, string name)
    {
        Address = address;
        Loop = new GLibLoop(name);
        try
        {
            Connection = DBusConnection.ForAddress(Loop, address);
        }
        catch
        {
            Loop.Dispose();
            throw;
        }
    }

    public string Address { get; }

    public GLibLoop Loop { get; }

    public DBusConnection Connection { get; }

    /// <summary>Whether <paramref name="name"/> has an owner (<c>NameHasOwner</c>, which never activates a service).</summary>
    public async Task<bool> NameHasOwnerAsync(string name)
    {
        using var reply = await Connection.CallAsync(
            Loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
            GVariant.Tuple(GVariant.String(name)), "(b)", CallTimeout);
        using var owned = reply.GetChild(0);
        return owned.GetBoolean();
    }

    public void Dispose()
    {
        Connection.Dispose();
        Loop.Dispose();
    }
}
