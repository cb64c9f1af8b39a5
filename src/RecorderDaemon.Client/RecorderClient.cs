using System.Collections.Concurrent;
using RecorderDaemon.Native;

namespace RecorderDaemon.Client;

/// <summary>
/// A connection to recorderd: the W3C MediaRecorder constructor, <c>isTypeSupported</c> and
/// <c>enumerateDevices</c>. It owns a GLib loop thread and a private bus connection; events of this client
/// and of its recorders are raised on that thread, so handlers must be quick and must never block (or
/// wait for another call of this client) — hand longer work to a Task.
/// </summary>
public sealed class RecorderClient : IAsyncDisposable
{
    private readonly GLibLoop _loop;
    private readonly DBusConnection _connection;
    private readonly DaemonObject _manager;
    private readonly ConcurrentDictionary<MediaRecorder, byte> _recorders = new();
    private DBusSignalSubscription? _devicesChanged;
    private DBusSignalSubscription? _objectsChanged;
    private DBusSignalSubscription? _daemonChanged;

    private RecorderClient(GLibLoop loop, DBusConnection connection)
    {
        _loop = loop;
        _connection = connection;
        _manager = new DaemonObject(loop, connection, RecorderBus.ManagerPath);
    }

    /// <summary>A capture device appeared or vanished; raised on the client's loop thread.</summary>
    public event EventHandler? DevicesChanged;

    /// <summary>
    /// recorderd came onto the bus (true: started or activated) or left it (false: exited, taking its recorders
    /// with it); raised on the client's loop thread.
    /// </summary>
    public event EventHandler<bool>? DaemonRunningChanged;

    /// <summary>A recorder object appeared on the daemon, created by any client; raised on the client's loop thread.</summary>
    public event EventHandler<RecorderPathEventArgs>? RecorderAdded;

    /// <summary>A recorder object was destroyed; raised on the client's loop thread.</summary>
    public event EventHandler<RecorderPathEventArgs>? RecorderRemoved;

    /// <summary>
    /// Connects to the bus at <paramref name="busAddress"/> when given, otherwise to the session bus
    /// (<c>DBUS_SESSION_BUS_ADDRESS</c>) or, with <paramref name="systemBus"/>, the system bus.
    /// </summary>
    public static async Task<RecorderClient> ConnectAsync(string? busAddress = null, bool systemBus = false)
    {
        var loop = new GLibLoop("recorderd-client");
        DBusConnection? connection = null;
        try
        {
            connection = await Task.Run(() =>
                busAddress is null ? DBusConnection.ForBus(loop, systemBus) : DBusConnection.ForAddress(loop, busAddress));
            var client = new RecorderClient(loop, connection);
            client._devicesChanged = await client._manager.SubscribeAsync(
                RecorderBus.ManagerInterface, "DevicesChanged", _ => client.DevicesChanged?.Invoke(client, EventArgs.Empty));
            client._objectsChanged = await client._manager.SubscribeAsync(RecorderBus.ObjectManagerInterface, null, client.OnObjectsChanged);
            client._daemonChanged = await loop.InvokeAsync(() => connection.SubscribeSignal(
                "org.freedesktop.DBus", "org.freedesktop.DBus", "NameOwnerChanged", "/org/freedesktop/DBus", client.OnNameOwnerChanged));
            return client;
        }
        catch
        {
            connection?.Dispose();
            loop.Dispose();
            throw;
        }
    }

    public async Task<bool> IsTypeSupportedAsync(string mimeType)
    {
        using var reply = await _manager.CallAsync(
            RecorderBus.ManagerInterface, "IsTypeSupported", GVariant.Tuple(GVariant.String(mimeType)), "(b)");
        using var supported = reply.GetChild(0);
        return supported.GetBoolean();
    }

    /// <summary>The full types (with codecs) the daemon's machine can record.</summary>
    public async Task<IReadOnlyList<string>> GetSupportedMimeTypesAsync()
    {
        using var types = await _manager.GetPropertyAsync(RecorderBus.ManagerInterface, "SupportedMimeTypes");
        return types.GetStrings();
    }

    public async Task<string> GetVersionAsync()
    {
        using var version = await _manager.GetPropertyAsync(RecorderBus.ManagerInterface, "Version");
        return version.GetString();
    }

    public async Task<IReadOnlyList<MediaDeviceInfo>> EnumerateDevicesAsync()
    {
        using var reply = await _manager.CallAsync(RecorderBus.ManagerInterface, "EnumerateDevices", null, "(aa{sv})");
        using var devices = reply.GetChild(0);
        return [.. Enumerable.Range(0, devices.ChildCount).Select(i =>
        {
            using var device = devices.GetChild(i);
            return MediaDeviceInfo.FromVariant(device);
        })];
    }

    /// <summary><c>new MediaRecorder(stream, options)</c>, the stream given as source URIs (<c>test:audio</c>, <c>pipewire:</c>, ...).</summary>
    public async Task<MediaRecorder> CreateRecorderAsync(IEnumerable<string> sources, MediaRecorderOptions? options = null)
    {
        var parameters = GVariant.Tuple(GVariant.StringArray(sources), (options ?? new MediaRecorderOptions()).ToVariant());
        using var reply = await _manager.CallAsync(RecorderBus.ManagerInterface, "CreateRecorder", parameters, "(o)");
        using var path = reply.GetChild(0);
        return await OpenRecorderAsync(path.GetString());
    }

    /// <summary>A proxy for an existing recorder, e.g. one of <see cref="ListRecordersAsync"/>.</summary>
    public async Task<MediaRecorder> OpenRecorderAsync(string objectPath)
    {
        var recorder = await MediaRecorder.OpenAsync(new DaemonObject(_loop, _connection, objectPath), Forget);
        _recorders.TryAdd(recorder, 0);
        return recorder;
    }

    /// <summary>The object paths of the daemon's recorders, from any client.</summary>
    public async Task<IReadOnlyList<string>> ListRecordersAsync()
    {
        using var reply = await _manager.CallAsync(RecorderBus.ObjectManagerInterface, "GetManagedObjects", null, "(a{oa{sa{sv}}})");
        using var objects = reply.GetChild(0);
        var paths = new List<string>();
        for (var i = 0; i < objects.ChildCount; i++)
        {
            using var entry = objects.GetChild(i);
            using var path = entry.GetChild(0);
            using var interfaces = entry.GetChild(1);
            if (HasKey(interfaces, RecorderBus.RecorderInterface))
            {
                paths.Add(path.GetString());
            }
        }

        return paths;
    }

    /// <summary>
    /// Subscribes to the events of every recorder of the daemon, those created later included, until the
    /// result is disposed; <paramref name="onSignal"/> runs on the loop thread. Unlike proxies opened after a
    /// <see cref="RecorderAdded"/>, this misses nothing a new recorder sends right after it appears.
    /// </summary>
    public async Task<IDisposable> WatchRecordersAsync(Action<RecorderSignalEventArgs> onSignal) =>
        await _loop.InvokeAsync(() => _connection.SubscribeSignal(RecorderBus.Name, RecorderBus.RecorderInterface, null, null, signal =>
        {
            using var parameters = signal.Parameters;
            if (RecorderSignals.Decode(signal.Member, parameters) is { } arguments)
            {
                onSignal(new RecorderSignalEventArgs(signal.Path, signal.Member, arguments));
            }
        }));

    /// <summary>Disposes the recorder proxies still open (the recorders stay), then the connection and loop.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var recorder in _recorders.Keys)
        {
            await recorder.DisposeAsync();
        }

        _devicesChanged?.Dispose();
        _objectsChanged?.Dispose();
        _daemonChanged?.Dispose();
        // Closing flushes synchronously and joining the loop thread blocks: never do either on that thread.
        await Task.Run(() =>
        {
            _connection.Dispose();
            _loop.Dispose();
        });
    }

    // InterfacesAdded (o, a{sa{sv}}) and InterfacesRemoved (o, as) of recorder objects; other objects are not ours to report.
    private void OnObjectsChanged(DBusSignal signal)
    {
        using var parameters = signal.Parameters;
        using var path = parameters.GetChild(0);
        using var interfaces = parameters.GetChild(1);
        var isRecorder = signal.Member == "InterfacesAdded"
            ? HasKey(interfaces, RecorderBus.RecorderInterface)
            : interfaces.GetStrings().Contains(RecorderBus.RecorderInterface);
        var handler = signal.Member == "InterfacesAdded" ? RecorderAdded : RecorderRemoved;
        if (isRecorder)
        {
            handler?.Invoke(this, new RecorderPathEventArgs(path.GetString()));
        }
    }

    // NameOwnerChanged (name, old owner, new owner) of every name; an empty new owner means the name was released.
    private void OnNameOwnerChanged(DBusSignal signal)
    {
        using var parameters = signal.Parameters;
        using var name = parameters.GetChild(0);
        using var newOwner = parameters.GetChild(2);
        if (name.GetString() == RecorderBus.Name)
        {
            DaemonRunningChanged?.Invoke(this, newOwner.GetString().Length > 0);
        }
    }

    private void Forget(MediaRecorder recorder) => _recorders.TryRemove(recorder, out _);

    private static bool HasKey(GVariant dictionary, string key) =>
        Enumerable.Range(0, dictionary.ChildCount).Any(i =>
        {
            using var entry = dictionary.GetChild(i);
            using var name = entry.GetChild(0);
            return name.GetString() == key;
        });
}
