using RecorderDaemon.Native;

namespace RecorderDaemon.Client;

/// <summary>
/// One object of the daemon, reached over the client's connection: its method calls (the one place
/// where D-Bus error replies become <see cref="RecorderClientException"/>), properties and signals.
/// </summary>
internal sealed class DaemonObject(GLibLoop loop, DBusConnection connection, string path)
{
    // GDBus's own default; Stop and Destroy wait for a file to be finalized and pass their own.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(25);

    public string Path => path;

    public GLibLoop Loop => loop;

    public async Task<GVariant> CallAsync(
        string iface, string method, GVariant? parameters, string replyType, TimeSpan? timeout = null)
    {
        try
        {
            return await connection.CallAsync(loop, RecorderBus.Name, path, iface, method, parameters, replyType, timeout ?? DefaultTimeout);
        }
        catch (DBusErrorException error)
        {
            throw RecorderClientException.FromDBusError(error);
        }
    }

    public async Task<GVariant> GetPropertyAsync(string iface, string name)
    {
        using var reply = await CallAsync(
            RecorderBus.PropertiesInterface, "Get", GVariant.Tuple(GVariant.String(iface), GVariant.String(name)), "(v)");
        using var boxed = reply.GetChild(0);
        return boxed.Unbox();
    }

    public async Task<IReadOnlyDictionary<string, GVariant>> GetAllPropertiesAsync(string iface)
    {
        using var reply = await CallAsync(RecorderBus.PropertiesInterface, "GetAll", GVariant.Tuple(GVariant.String(iface)), "(a{sv})");
        using var all = reply.GetChild(0);
        return all.ToVariantDictionary();
    }

    /// <summary>
    /// Subscribes to the signals this object sends (of <paramref name="iface"/>, or of any interface
    /// when null); <paramref name="onSignal"/> runs on the loop thread.
    /// </summary>
    public Task<DBusSignalSubscription> SubscribeAsync(string? iface, string? member, Action<DBusSignal> onSignal) =>
        loop.InvokeAsync(() => connection.SubscribeSignal(RecorderBus.Name, iface, member, path, onSignal));
}
