using Microsoft.Extensions.Logging;
using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary>
/// The recorders on the bus: their object paths (numbers never reused), registration and removal,
/// announced through ObjectManager's InterfacesAdded/InterfacesRemoved. Lives on the loop thread.
/// </summary>
/// <param name="recorders">the recorders themselves, with their owners and limits</param>
/// <param name="devices">the daemon's capture devices, which EnumerateDevices lists</param>
public sealed class RecorderRegistry(
    GLibLoop loop, BusConnection connection, BusObjectTree objects, BusReplies replies, CallerAccess access, Recorders recorders, IDeviceList devices,
    ILogger<RecorderRegistry> logger)
{
    private readonly Dictionary<string, RecorderObject> _objects = new(StringComparer.Ordinal);
    private int _lastId;

    public GLibLoop Loop { get; } = loop;

    public CallerAccess Access { get; } = access;

    public Recorders Recorders { get; } = recorders;

    public IDeviceList Devices { get; } = devices;

    public IEnumerable<RecorderObject> Objects => _objects.Values;

    /// <summary>How many recorder objects exist, active or not.</summary>
    public int Count => _objects.Count;

    /// <summary>Raised on the loop thread after a recorder object was added or removed.</summary>
    public event Action? CountChanged;

    /// <summary>Raised on the loop thread when a recorder is created, before any of its events.</summary>
    public event Action<MediaRecorder>? Added;

    public RecorderObject Add(MediaRecorder recorder, Caller owner)
    {
        var path = BusNames.RecorderPathPrefix + ++_lastId;
        var recorderObject = new RecorderObject(path, owner, recorder, connection, this, objects, replies);
        _objects[path] = recorderObject;
        objects.Add(path, recorderObject);
        connection.EmitSignal(BusNames.ManagerPath, BusNames.ObjectManager, "InterfacesAdded", BusBody.InterfacesAdded(recorderObject));
        logger.LogInformation("Recorder {Path} created by {Owner} for {Sources}", path, owner.ToString(), recorder.Sources);
        Added?.Invoke(recorder);
        CountChanged?.Invoke();
        return recorderObject;
    }

    /// <summary>Finalizes any recording without further signals, then removes the object.</summary>
    public async Task DestroyAsync(RecorderObject recorderObject)
    {
        await Recorders.DestroyAsync(recorderObject.Recorder);
        await Loop.InvokeAsync(() => Remove(recorderObject.Path));
    }

    /// <summary>A connection left the bus: recorders it created with stopOnDisconnect are stopped and removed.</summary>
    public void OnConnectionLeft(string name)
    {
        Access.Forget(name);
        foreach (var recorderObject in Objects.Where(r => r.Owner == name && r.Recorder.Options.StopOnDisconnect).ToList())
        {
            logger.LogInformation("Owner {Owner} of {Path} left the bus; stopping and removing it", name, recorderObject.Path);
            _ = StopAndDestroyAsync(recorderObject);
        }
    }

    private async Task StopAndDestroyAsync(RecorderObject recorderObject)
    {
        await await Loop.InvokeAsync(recorderObject.Recorder.Stop);
        await DestroyAsync(recorderObject);
    }

    private void Remove(string path)
    {
        if (!_objects.Remove(path))
        {
            return;
        }

        objects.Remove(path);
        connection.EmitSignal(BusNames.ManagerPath, BusNames.ObjectManager, "InterfacesRemoved", BusBody.InterfacesRemoved(path, BusNames.Recorder));
        logger.LogInformation("Recorder {Path} removed", path);
        CountChanged?.Invoke();
    }
}
