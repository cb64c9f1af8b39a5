using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Every recorder of the daemon with its owner: how one is made and given a source (what the sources name is
/// probed off the loop, with the owner's rights), the limits on how many exist and record at once, and the end
/// of them all at shutdown. Its members may be called from any thread; its state is kept on the loop thread.
/// </summary>
public sealed class Recorders(RecorderContext context, ISourceResolver sources, RecorderLimits limits)
{
    private readonly Dictionary<MediaRecorder, Caller> _owners = [];
    private bool _closed;

    /// <summary>Checks the form of a source URI for a recorder with <paramref name="options"/>; see <see cref="ISourceResolver.Parse"/>.</summary>
    public IStreamSource Parse(string uri, RecorderOptions options) => sources.Parse(uri, options.PipeWireRemote);

    /// <summary>The MediaRecorder constructor, within the limits: the sources are resolved with the owner's rights first.</summary>
    /// <exception cref="RecorderException">QuotaExceededError at a limit; InvalidStateError while shutting down; what resolving and the constructor throw</exception>
    public async Task<MediaRecorder> CreateAsync(IReadOnlyList<IStreamSource> streamSources, RecorderOptions options, Caller owner)
    {
        // Checked before the probing too, so that a client at its limit does not get devices probed for nothing.
        await context.Loop.InvokeAsync(() => RequireRecorderSlot(owner));
        await BlockingWork.Run(() =>
        {
            foreach (var source in streamSources)
            {
                sources.Resolve(source, owner.Files);
            }
        });
        return await context.Loop.InvokeAsync(() =>
        {
            RequireRecorderSlot(owner);
            var recorder = new MediaRecorder(streamSources, options, context, owner);
            _owners.Add(recorder, owner);
            return recorder;
        });
    }

    /// <summary><see cref="MediaRecorder.AddSource"/> of a source resolved with <paramref name="caller"/>'s rights.</summary>
    public async Task AddSourceAsync(MediaRecorder recorder, IStreamSource source, Caller caller)
    {
        await BlockingWork.Run(() => sources.Resolve(source, caller.Files));
        await context.Loop.InvokeAsync(() => recorder.AddSource(source));
    }

    /// <summary>Whether any recorder is recording, paused, starting, or still finishing a file; on the loop thread.</summary>
    public bool AnyBusy => _owners.Keys.Any(recorder => recorder.HoldsRecordingSlot || !recorder.Finalized.IsCompleted);

    /// <summary>Whether a recorder has a source whose URI starts with <paramref name="uriPrefix"/>.</summary>
    public Task<bool> AnyRecordsFromAsync(string uriPrefix) =>
        context.Loop.InvokeAsync(() => _owners.Keys.Any(recorder => recorder.Sources.Any(uri => uri.StartsWith(uriPrefix, StringComparison.Ordinal))));

    /// <summary><see cref="MediaRecorder.StartAsync"/> within the limit on recordings at once; on the loop thread.</summary>
    public Task StartAsync(MediaRecorder recorder, uint timeslice)
    {
        // An active or starting recorder already holds a slot; its start() fails the spec's state check first (InvalidStateError).
        if (!recorder.HoldsRecordingSlot)
        {
            RequireRecordingSlot(_owners[recorder]);
        }

        return recorder.StartAsync(timeslice);
    }

    /// <summary>Finalizes any recording without further events, forgets the recorder and closes the PipeWire connection it was given.</summary>
    public async Task DestroyAsync(MediaRecorder recorder)
    {
        await await context.Loop.InvokeAsync(recorder.Destroy);
        await context.Loop.InvokeAsync(() => _owners.Remove(recorder));
        recorder.Options.PipeWireRemote?.Dispose();
    }

    /// <summary>
    /// For shutdown: refuses new recorders and recordings from now on, stops every recording and waits
    /// until every file is final (also those still draining after a client's stop()); returns how many were recording.
    /// </summary>
    public async Task<int> StopAllAsync()
    {
        var (active, finalized) = await context.Loop.InvokeAsync(() =>
        {
            _closed = true;
            var active = _owners.Keys.Count(recorder => recorder.HoldsRecordingSlot);
            return (active, _owners.Keys.Select(recorder => recorder.Stop()).ToList());
        });
        await Task.WhenAll(finalized);
        return active;
    }

    private void RequireRecorderSlot(Caller caller)
    {
        RequireOpen();
        if (_owners.Values.Count(owner => owner.BusName == caller.BusName) >= limits.MaxRecordersPerClient)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError, $"{caller.BusName} already has {limits.MaxRecordersPerClient} recorders, the most one client may have");
        }

        if (limits.PerUser && _owners.Values.Count(owner => owner.Uid == caller.Uid) >= limits.MaxRecordersPerClient)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError,
                $"user {caller.Uid} already has {limits.MaxRecordersPerClient} recorders over all its connections, the most one user may have");
        }
    }

    private void RequireRecordingSlot(Caller owner)
    {
        RequireOpen();
        var active = _owners.Where(entry => entry.Key.HoldsRecordingSlot).Select(entry => entry.Value).ToList();
        if (active.Count >= limits.MaxConcurrentRecordings)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError, $"{limits.MaxConcurrentRecordings} recordings are already running, the most this daemon runs at once");
        }

        if (limits.PerUser && active.Count(other => other.Uid == owner.Uid) >= limits.MaxConcurrentRecordingsPerUser)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError,
                $"user {owner.Uid} already runs {limits.MaxConcurrentRecordingsPerUser} recordings, the most one user may run at once");
        }
    }

    private void RequireOpen()
    {
        if (_closed)
        {
            throw new RecorderException(DomErrorName.InvalidStateError, "recorderd is shutting down");
        }
    }
}
