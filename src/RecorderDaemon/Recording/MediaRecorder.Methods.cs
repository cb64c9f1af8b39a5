namespace RecorderDaemon.Recording;

public sealed partial class MediaRecorder
{
    /// <summary>
    /// The spec's <c>start(timeslice)</c>; 0 means no timeslice. The recorder's state is checked at once, on the loop; the
    /// format, the file and the pipeline are made off it (registry lookups, the file system and element construction may
    /// block); then the recording begins on the loop and the task completes. Until then the recorder is starting
    /// (<see cref="HoldsRecordingSlot"/>): another start() is refused, and stop() and destroy wait for it.
    /// </summary>
    /// <exception cref="RecorderException">InvalidStateError unless inactive; NotSupportedError when the stream cannot be recorded as configured</exception>
    public Task StartAsync(uint timesliceMs)
    {
        if (State != RecordingState.Inactive || _starting is not null)
        {
            throw RecorderException.InvalidState($"start() needs an inactive recorder, but it is {(_starting is null ? State.Name() : "starting")}");
        }

        var sources = _sources.ToList();
        var kinds = sources.SelectMany(source => source.Kinds).ToHashSet();
        if (kinds.Count == 0)
        {
            throw RecorderException.NotSupported("the stream has no tracks to record");
        }

        bool hasAudio = kinds.Contains(TrackKind.Audio), hasVideo = kinds.Contains(TrackKind.Video);
        var bitrates = BitrateSettings.ForStart(_bitrates, Options.BitsPerSecond, hasAudio, hasVideo);
        var prepared = BlockingWork.RunInTurn(() => Prepare(sources, hasAudio, hasVideo, bitrates, Timeslice(timesliceMs)));
        var started = prepared.ContinueWith(_ => _context.Loop.InvokeAsync(() => Begin(prepared)), TaskScheduler.Default).Unwrap();
        _starting = started;
        return started;
    }

    /// <summary>The part of start() that may block, off the loop: it reads only what a start in progress keeps unchanged.</summary>
    private (RecordingSession Session, RecordingPlan Plan) Prepare(List<IStreamSource> sources, bool hasAudio, bool hasVideo, BitrateSettings bitrates, TimeSpan? timeslice)
    {
        var format = _context.Formats.Resolve(Options.MimeType, hasAudio, hasVideo);
        RequireRoomForAudioTracks(sources, format);
        if (Options.Splitting is not null && !format.CanBeSplit)
        {
            throw RecorderException.NotSupported($"a '{format.MimeType}' recording cannot be split into files; use a WebM, Matroska or MP4 type");
        }

        if (Options.Replay is not null && timeslice is not null)
        {
            throw RecorderException.NotSupported("a replay buffer writes no file while it records, so it has no timeslices; start it with 0");
        }

        var output = Options.Replay is null ? ClaimOutput(format.Extension, hasVideo) : null;
        var plan = new RecordingPlan(
            sources, format, bitrates, Options.AudioBitrateMode, KeyFrames, Options.AudioTracks, output, Options.Splitting, Options.Replay,
            hasAudio ? Options.LevelInterval : null);
        return (new RecordingSession(this, _context, plan, timeslice), plan);
    }

    /// <summary>The end of start(), on the loop: the recording begins, or what <see cref="Prepare"/> threw is thrown.</summary>
    private void Begin(Task<(RecordingSession Session, RecordingPlan Plan)> prepared)
    {
        _starting = null;
        var (session, plan) = prepared.GetAwaiter().GetResult();
        _session = session;
        Finalized = session.Completion;
        SetBitrates(plan.Bitrates);
        Location = plan.Output?.Location ?? "";
        Duration = TimeSpan.Zero;
        BytesWritten = 0;
        State = RecordingState.Recording;
        session.Begin();
        if (!_sources.SequenceEqual(plan.Sources))
        {
            // A source was added or removed while the recording started: as if just after.
            EndBySession(session, TrackSetChanged);
        }
    }

    /// <summary>What waits for a start() in progress: <paramref name="then"/> runs on the loop once it succeeded or failed.</summary>
    private Task AfterStart(Task starting, Func<Task> then) =>
        starting.ContinueWith(_ => _context.Loop.InvokeAsync(then), TaskScheduler.Default).Unwrap().Unwrap();

    /// <exception cref="RecorderException">NotSupportedError: one track per audio source was asked for, and the format holds one</exception>
    private void RequireRoomForAudioTracks(IEnumerable<IStreamSource> sources, IRecordingFormat format)
    {
        var audioSources = sources.Count(source => source.Kinds.Contains(TrackKind.Audio));
        if (Options.AudioTracks == AudioTrackLayout.Separate && audioSources > 1 && !format.HoldsSeveralAudioTracks)
        {
            throw RecorderException.NotSupported(
                $"audioTracks 'separate' records {audioSources} audio tracks, and '{format.MimeType}' holds one; use 'mix' or a WebM or Ogg type");
        }
    }

    /// <summary>
    /// The spec's <c>stop()</c>: inactive at once; the task completes once the file is final and
    /// the last DataAvailable and Stopped have been raised. When already inactive it changes nothing,
    /// but still completes only once the last recording's file is final: one that ended by itself
    /// (its tracks ended, or it failed) may still be draining.
    /// </summary>
    public Task Stop()
    {
        if (_starting is { } starting)
        {
            return AfterStart(starting, Stop);
        }

        if (_session is not { } session)
        {
            return Finalized;
        }

        Inactivate();
        session.End(error: null);
        return session.Completion;
    }

    /// <exception cref="RecorderException">InvalidStateError when inactive</exception>
    public void Pause()
    {
        var session = ActiveSession("pause()");
        if (State == RecordingState.Paused)
        {
            return;
        }

        State = RecordingState.Paused;
        session.Pause();
    }

    /// <exception cref="RecorderException">InvalidStateError when inactive</exception>
    public void Resume()
    {
        var session = ActiveSession("resume()");
        if (State == RecordingState.Recording)
        {
            return;
        }

        State = RecordingState.Recording;
        session.Resume();
    }

    /// <exception cref="RecorderException">InvalidStateError when inactive; NotSupportedError for a replay buffer, which writes no file to take data from</exception>
    public void RequestData()
    {
        var session = ActiveSession("requestData()");
        if (Options.Replay is not null)
        {
            throw RecorderException.NotSupported("a replay buffer writes no file while it records, so it has no data to request; use SaveReplay");
        }

        session.RequestData();
    }

    /// <summary>Adds a resolved source to the stream; while recording this ends the recording with InvalidModificationError.</summary>
    /// <exception cref="RecorderException">NotSupportedError when the stream would have two tracks of a kind</exception>
    public void AddSource(IStreamSource source)
    {
        RequireAtMostOneVideoTrack([.. _sources, source]);
        _sources.Add(source);
        OnTrackSetChanged();
    }

    /// <exception cref="RecorderException">NotFoundError when no source has this URI</exception>
    public void RemoveSource(string uri)
    {
        var index = _sources.FindIndex(source => source.Uri == uri);
        if (index < 0)
        {
            throw RecorderException.NotFound($"the stream has no source '{uri}'");
        }

        _sources.RemoveAt(index);
        OnTrackSetChanged();
    }

    /// <summary>Finalizes any recording without raising anything more; the task completes once the file is final.</summary>
    public Task Destroy()
    {
        _destroyed = true;
        if (_starting is { } starting)
        {
            // The start's file and descriptor are the recording's, finalized as any other.
            return AfterStart(starting, Destroy);
        }

        if (!_outputFdUsed)
        {
            Options.OutputFd?.Dispose();
        }

        return Stop();
    }

    private void OnTrackSetChanged()
    {
        OnPropertyChanged(nameof(Sources));
        if (_session is { } session)
        {
            Inactivate();
            session.End(TrackSetChanged);
        }
    }

    /// <summary>The recording ended by itself (its tracks ended, it failed, or it reached a limit): the first of it and stop() to inactivate wins.</summary>
    internal void EndBySession(RecordingSession session, RecorderError? error)
    {
        if (_session != session)
        {
            return;
        }

        Inactivate();
        session.End(error);
    }

    private static RecorderError TrackSetChanged => new(DomErrorName.InvalidModificationError, "the stream's track set changed while recording");

    private bool HasVideo => _sources.Any(source => source.Kinds.Contains(TrackKind.Video));

    private RecordingSession ActiveSession(string method) =>
        _session ?? throw RecorderException.InvalidState($"{method} needs a recording or paused recorder, but it is inactive");

    private static TimeSpan? Timeslice(uint milliseconds) =>
        milliseconds == 0 ? null : TimeSpan.FromMilliseconds(Math.Max(milliseconds, RecorderContext.MinimumTimeslice.TotalMilliseconds));
}
