namespace RecorderDaemon.Recording;

/// <summary>
/// Everything a pipeline needs to record one session: what to record, how, and where. Its sources and format come
/// from the resolver and catalog that go with the pipeline factory.
/// </summary>
public sealed record RecordingPlan(
    IReadOnlyList<IStreamSource> Sources,
    IRecordingFormat Format,
    BitrateSettings Bitrates,
    BitrateMode AudioBitrateMode,
    KeyFrameInterval? KeyFrames,
    AudioTrackLayout AudioTracks,
    RecordingOutput Output);

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
}

/// <summary>
/// The seam between the MediaRecorder state machine and GStreamer: one recording session's
/// pipeline. All members are called on the loop thread; any of them may throw, and the session still ends.
/// </summary>
public interface IRecordingPipeline
{
    /// <summary>Bytes in the output so far.</summary>
    long BytesWritten { get; }

    /// <summary>The encoder (a GStreamer factory name) of each track kind, final once the output started.</summary>
    IReadOnlyDictionary<TrackKind, string> Encoders { get; }

    /// <summary>Recorded media time, pauses excluded.</summary>
    TimeSpan Duration { get; }

    void Start();

    void Pause();

    void Resume();

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
