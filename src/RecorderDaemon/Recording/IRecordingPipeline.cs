namespace RecorderDaemon.Recording;

/// <summary>
/// Everything a pipeline needs to record one session: what to record, how, and where (<paramref name="Output"/>, null
/// for a replay buffer). Its sources and format come from the resolver and catalog that go with the pipeline factory.
/// </summary>
public sealed record RecordingPlan(
    IReadOnlyList<IStreamSource> Sources,
    IRecordingFormat Format,
    BitrateSettings Bitrates,
    BitrateMode AudioBitrateMode,
    KeyFrameInterval? KeyFrames,
    AudioTrackLayout AudioTracks,
    RecordingOutput? Output,
    FileSplitting? Splitting = null,
    ReplayBuffering? Replay = null,
    TimeSpan? LevelInterval = null);

/// <summary>
/// A recording kept in memory instead of a file: the last <paramref name="Span"/> at least, trimmed from the front by whole
/// key-frame intervals, and at most <paramref name="MaxBytes"/> (null: no cap); saved to a file when asked.
/// </summary>
public sealed record ReplayBuffering(TimeSpan Span, long? MaxBytes);

/// <summary>
/// A recording written as a series of files, each starting on a key frame: a new one after <paramref name="MaxDuration"/> of
/// recorded time or <paramref name="MaxSize"/> bytes (null: no such limit), or when asked.
/// </summary>
public sealed record FileSplitting(TimeSpan? MaxDuration, long? MaxSize);

/// <summary>What a pipeline reports while it records; every call arrives on the loop thread.</summary>
public interface IRecordingPipelineObserver
{
    /// <summary>The first output bytes are in the file.</summary>
    void OnOutputStarted();

    /// <summary>Every track ended by itself and the file is complete.</summary>
    void OnAllTracksEnded();

    /// <summary>Gathering failed; the pipeline produces nothing more.</summary>
    void OnFailed(DomErrorName name, string message);

    /// <summary>A problem that does not stop the recording.</summary>
    void OnWarning(string message);

    /// <summary>The audio's loudness over the last level interval (a plan with <see cref="RecordingPlan.LevelInterval"/>), also while paused.</summary>
    void OnAudioLevels(AudioLevels levels);

    /// <summary>
    /// A split recording continues in <paramref name="next"/>, now the observer's to dispose; the previous file is final.
    /// <see cref="IRecordingPipeline.BytesWritten"/> counts the previous file until this returns, then the next.
    /// </summary>
    void OnFileChanged(RecordingOutput next);
}

/// <summary>
/// The seam between the MediaRecorder state machine and GStreamer: one recording session's
/// pipeline. All members are called on the loop thread; any of them may throw, and the session still ends.
/// </summary>
public interface IRecordingPipeline
{
    /// <summary>Bytes in the current output file so far.</summary>
    long BytesWritten { get; }

    /// <summary>The encoder (a GStreamer factory name) of each track kind, final once the output started.</summary>
    IReadOnlyDictionary<TrackKind, string> Encoders { get; }

    /// <summary>Recorded media time, pauses excluded.</summary>
    TimeSpan Duration { get; }

    void Start();

    void Pause();

    void Resume();

    /// <summary>Continues the recording in a new file at the next key frame; only for a plan with <see cref="RecordingPlan.Splitting"/>.</summary>
    void Split();

    /// <summary>How much a replay buffer holds now; zero for a recording into a file.</summary>
    TimeSpan ReplayBuffered { get; }

    /// <summary>
    /// Writes what the replay buffer holds into <paramref name="output"/> as a final, seekable file that starts on a key
    /// frame at 0; the buffer goes on. Only for a plan with <see cref="RecordingPlan.Replay"/>.
    /// </summary>
    /// <returns>the saved duration, once the file is final; completes off the loop</returns>
    /// <exception cref="RecorderException">InvalidStateError when nothing is buffered yet</exception>
    Task<TimeSpan> SaveReplayAsync(RecordingOutput output);

    /// <summary>
    /// Ends the recording: drains it to end-of-stream if it is still flowing (bounded by a timeout,
    /// after which it warns and tears down anyway), shuts the pipeline down and calls
    /// <paramref name="onFinished"/> on the loop thread once the file is final.
    /// </summary>
    void Finish(Action onFinished);
}

public interface IRecordingPipelineFactory
{
    /// <exception cref="RecorderException">NotSupportedError when the pipeline cannot be built (an element is missing)</exception>
    IRecordingPipeline Create(RecordingPlan plan, IRecordingPipelineObserver observer);
}
