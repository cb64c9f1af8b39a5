namespace RecorderDaemon.Recording;

public sealed partial class MediaRecorder
{
    /// <summary>The spec's <c>start(timeslice)</c>; 0 means no timeslice.</summary>
    /// <exception cref="RecorderException">InvalidStateError unless inactive; NotSupportedError when the stream cannot be recorded as configured</exception>
    public void Start(uint timesliceMs)
    {
        if (State != RecordingState.Inactive)
        {
            throw RecorderException.InvalidState($"start() needs an inactive recorder, but it is {State.Name()}");
        }

        var kinds = _sources.SelectMany(source => source.Kinds).ToHashSet();
        if (kinds.Count == 0)
        {
            throw RecorderException.NotSupported("the stream has no tracks to record");
        }

        bool hasAudio = kinds.Contains(TrackKind.Audio), hasVideo = HasVideo;
        var format = _context.Formats.Resolve(Options.MimeType, hasAudio, hasVideo);
        RequireRoomForAudioTracks(format);
        if (Options.Splitting is not null && !format.CanBeSplit)
        {
            throw RecorderException.NotSupported($"a '{format.MimeType}' recording cannot be split into files; use a WebM, Matroska or MP4 type");
        }

        if (Options.Replay is not null && timesliceMs > 0)
        {
            throw RecorderException.NotSupported("a replay buffer writes no file while it records, so it has no timeslices; start it with 0");
        }

        var bitrates = BitrateSettings.ForStart(_bitrates, Options.BitsPerSecond, hasAudio, hasVideo);
        var output = Options.Replay is null ? ClaimOutput(format.Extension, hasVideo) : null;
        var plan = new RecordingPlan(
            [.. _sources], format, bitrates, Options.AudioBitrateMode, KeyFrames, Options.AudioTracks, output, Options.Splitting, Options.Replay,
            hasAudio ? Options.LevelInterval : null);
        var session = new RecordingSession(this, _context, plan, Timeslice(timesliceMs));

        _session = session;
        Finalized = session.Completion;
        SetBitrates(bitrates);
        Location = output?.Location ?? "";
        Duration = TimeSpan.Zero;
        BytesWritten = 0;
        State = RecordingState.Recording;
        session.Begin();
    }

    /// <exception cref="RecorderException">NotSupportedError: one track per audio source was asked for, and the format holds one</exception>
    private void RequireRoomForAudioTracks(IRecordingFormat format)
    {
        var audioSources = _sources.Count(source => source.Kinds.Contains(TrackKind.Audio));
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
            session.End(new RecorderError(DomErrorName.InvalidModificationError, "the stream's track set changed while recording"));
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

    private bool HasVideo => _sources.Any(source => source.Kinds.Contains(TrackKind.Video));

    private RecordingSession ActiveSession(string method) =>
        _session ?? throw RecorderException.InvalidState($"{method} needs a recording or paused recorder, but it is inactive");

    private static TimeSpan? Timeslice(uint milliseconds) =>
        milliseconds == 0 ? null : TimeSpan.FromMilliseconds(Math.Max(milliseconds, RecorderContext.MinimumTimeslice.TotalMilliseconds));
}
