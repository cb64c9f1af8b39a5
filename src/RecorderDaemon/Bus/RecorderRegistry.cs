using Microsoft.Extensions.Logging;
using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary>
/// The recorders on the bus: their object paths (numbers never reused), registration, limits, and
/// removal, announced through ObjectManager's InterfacesAdded/InterfacesRemoved. Lives on the loop thread.
/// </summary>
/// <param name="devices">the daemon's capture devices, which EnumerateDevices lists</param>
/// <param name="sources">parses and resolves source URIs, against the same devices</param>
public sealed class RecorderRegistry(
    GLibLoop loop, BusConnection connection, BusObjectTree objects, BusReplies replies, CallerAccess access, IDeviceList devices, ISourceResolver sources,
    ServiceLimits limits, ILogger<RecorderRegistry> logger)
{
    private readonly Dictionary<string, RecorderObject> _recorders = new(StringComparer.Ordinal);
    private int _lastId;
    private bool _closed;

    public GLibLoop Loop { get; } = loop;

    public CallerAccess Access { get; } = access;

    public IDeviceList Devices { get; } = devices;

    public ISourceResolver Sources { get; } = sources;

    public IEnumerable<RecorderObject> Recorders => _recorders.Values;

    /// <summary>How many recorder objects exist, active or not.</summary>
    public int Count => _recorders.Count;

    /// <summary>Raised on the loop thread after a recorder object was added or removed.</summary>
    public event Action? CountChanged;

    /// <exception cref="RecorderException">QuotaExceededError when the client (on the system bus: or its user) already has its maximum of recorders</exception>
    /// <exception cref="RecorderException">InvalidStateError when the daemon is shutting down</exception>
    public void RequireRecorderSlot(Caller caller)
    {
        RequireOpen();
        if (Recorders.Count(recorder => recorder.Owner == caller.BusName) >= limits.MaxRecordersPerClient)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError, $"{caller.BusName} already has {limits.MaxRecordersPerClient} recorders, the most one client may have");
        }

        if (Access.IsSystemBus && Recorders.Count(recorder => recorder.OwnerUid == caller.Uid) >= limits.MaxRecordersPerClient)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError,
                $"user {caller.Uid} already has {limits.MaxRecordersPerClient} recorders over all its connections, the most one user may have");
        }
    }

    /// <exception cref="RecorderException">QuotaExceededError when the daemon (on the system bus: or the owner's user) already records its maximum at once</exception>
    /// <exception cref="RecorderException">InvalidStateError when the daemon is shutting down</exception>
    public void RequireRecordingSlot(uint ownerUid)
    {
        RequireOpen();
        var active = Recorders.Where(recorder => recorder.Recorder.State != RecordingState.Inactive).ToList();
        if (active.Count >= limits.MaxConcurrentRecordings)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError, $"{limits.MaxConcurrentRecordings} recordings are already running, the most this daemon runs at once");
        }

        if (Access.IsSystemBus && active.Count(recorder => recorder.OwnerUid == ownerUid) >= limits.MaxConcurrentRecordingsPerUser)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError,
                $"user {ownerUid} already runs {limits.MaxConcurrentRecordingsPerUser} recordings, the most one user may run at once");
        }
    }

    public RecorderObject Add(MediaRecorder recorder, Caller owner)
    {
        var path = BusNames.RecorderPathPrefix + ++_lastId;
        var recorderObject = new RecorderObject(path, owner, recorder, connection, this, replies);
        _recorders[path] = recorderObject;
        objects.Add(path, recorderObject);
        connection.EmitSignal(BusNames.ManagerPath, BusNames.ObjectManager, "InterfacesAdded", BusBody.InterfacesAdded(recorderObject));
        logger.LogInformation("Recorder {Path} created by {Owner} for {Sources}", path, owner.ToString(), recorder.Sources);
        CountChanged?.Invoke();
        return recorderObject;
    }

    /// <summary>Finalizes any recording without further signals, then removes the object.</summary>
    public async Task DestroyAsync(RecorderObject recorderObject)
    {
        await await Loop.InvokeAsync(recorderObject.Recorder.Destroy);
        await Loop.InvokeAsync(() => Remove(recorderObject.Path));
    }

    /// <summary>A connection left the bus: recorders it created with stopOnDisconnect are stopped and removed.</summary>
    public void OnConnectionLeft(string name)
    {
        Access.Forget(name);
        foreach (var recorderObject in Recorders.Where(r => r.Owner == name && r.Recorder.Options.StopOnDisconnect).ToList())
        {
            logger.LogInformation("Owner {Owner} of {Path} left the bus; stopping and removing it", name, recorderObject.Path);
            _ = StopAndDestroyAsync(recorderObject);
        }
    }

    /// <summary>
    /// For shutdown: refuses new recorders and recordings from now on, stops every recording and waits
    /// until every file is final (also those still draining after a client's Stop); returns how many were recording.
    /// </summary>
    public async Task<int> StopAllAsync()
    {
        var (active, finalized) = await Loop.InvokeAsync(() =>
        {
            _closed = true;
            var active = Recorders.Count(r => r.Recorder.State != RecordingState.Inactive);
            Recorders.ToList().ForEach(r => r.Recorder.Stop());
            return (active, Recorders.Select(r => r.Recorder.Finalized).ToList());
        });
        await Task.WhenAll(finalized);
        return active;
    }

    private async Task StopAndDestroyAsync(RecorderObject recorderObject)
    {
        await await Loop.InvokeAsync(recorderObject.Recorder.Stop);
        await DestroyAsync(recorderObject);
    }

    private void Remove(string path)
    {
        if (!_recorders.Remove(path))
        {
            return;
        }

        objects.Remove(path);
        connection.EmitSignal(BusNames.ManagerPath, BusNames.ObjectManager, "InterfacesRemoved", BusBody.InterfacesRemoved(path, BusNames.Recorder));
        logger.LogInformation("Recorder {Path} removed", path);
        CountChanged?.Invoke();
    }

    private void RequireOpen()
    {
        if (_closed)
        {
            throw new RecorderException(DomErrorName.InvalidStateError, "recorderd is shutting down");
        }
    }
}
