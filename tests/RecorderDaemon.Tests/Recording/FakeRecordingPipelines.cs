using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// Pipelines without GStreamer, for the state machine's own tests: the test decides when output appears, when the
/// tracks end or fail, and when a finishing pipeline is done. Every member is called on the recorder's loop thread.
/// </summary>
internal sealed class FakeRecordingPipelines : IRecordingPipelineFactory
{
    private readonly List<FakeRecordingPipeline> _created = [];

    /// <summary>Set to make the next <see cref="Create"/> fail as a missing element would.</summary>
    public RecorderException? NextFailure { get; set; }

    /// <summary>Set to make the next pipeline's <see cref="FakeRecordingPipeline.Start"/> throw, as a state change that fails at once would.</summary>
    public Exception? NextStartFailure { get; set; }

    /// <summary>The pipeline of the latest recording.</summary>
    public FakeRecordingPipeline Last => _created[^1];

    public int Count => _created.Count;

    public IRecordingPipeline Create(RecordingPlan plan, IRecordingPipelineObserver observer)
    {
        if (NextFailure is { } failure)
        {
            NextFailure = null;
            throw failure;
        }

        var pipeline = new FakeRecordingPipeline(plan, observer) { StartFailure = NextStartFailure };
        NextStartFailure = null;
        _created.Add(pipeline);
        return pipeline;
    }
}

/// <summary>
/// One recording's stand-in pipeline: it writes what the test says into the real output file. Setting one of the
/// failures makes that step throw, as a broken teardown or element would.
/// </summary>
internal sealed class FakeRecordingPipeline(RecordingPlan plan, IRecordingPipelineObserver observer) : IRecordingPipeline
{
    private Action? _onFinished;
    private RecordingOutput? _output = plan.Output;
    private int _files = 1;
    private bool _wroteAny;

    public RecordingPlan Plan => plan;

    /// <summary>How often <see cref="Split"/> was called.</summary>
    public int SplitRequests { get; private set; }

    /// <summary>Thrown by <see cref="Finish"/>: the pipeline cannot be shut down.</summary>
    public Exception? FinishFailure { get; set; }

    /// <summary>Thrown by <see cref="Start"/>.</summary>
    public Exception? StartFailure { get; set; }

    /// <summary>Thrown by <see cref="Pause"/>.</summary>
    public Exception? PauseFailure { get; set; }

    public bool IsPaused { get; private set; }

    /// <summary>Finish was called and the test has not completed it yet.</summary>
    public bool IsFinishing => _onFinished is not null;

    /// <summary>From now on <see cref="Finish"/> completes at once, whenever the session gets to ask for it.</summary>
    public bool FinishesAtOnce { get; set; }

    public long BytesWritten => _output?.Length ?? 0;

    /// <summary>What a replay buffer holds: set by the test.</summary>
    public TimeSpan ReplayBuffered { get; set; }

    /// <summary>The outputs SaveReplayAsync was given; each save writes 10 bytes and reports <see cref="ReplayBuffered"/>.</summary>
    public List<string> SavedReplays { get; } = [];

    public Task<TimeSpan> SaveReplayAsync(RecordingOutput output)
    {
        RandomAccess.Write(output.Handle, new byte[10], 0);
        SavedReplays.Add(output.Location);
        return Task.FromResult(ReplayBuffered);
    }

    /// <summary>A made-up encoder per track kind of the plan's sources.</summary>
    public IReadOnlyDictionary<TrackKind, string> Encoders { get; } =
        plan.Sources.SelectMany(source => source.Kinds).Distinct().ToDictionary(kind => kind, kind => $"fake-{kind.ToString().ToLowerInvariant()}-encoder");

    public TimeSpan Duration => TimeSpan.Zero;

    public bool IsStarted { get; private set; }

    public void Start() => IsStarted = StartFailure is null ? true : throw StartFailure;

    public void Pause() => IsPaused = PauseFailure is null ? true : throw PauseFailure;

    public void Resume() => IsPaused = false;

    public void Split() => SplitRequests++;

    /// <summary>Continues in the next part's file, as splitmuxsink does at a key frame.</summary>
    public void ContinueInNextFile()
    {
        var first = plan.Output ?? throw new InvalidOperationException("a replay buffer has no file to continue");
        var next = first.CreatePart(first.Location, ++_files);
        observer.OnFileChanged(next);
        _output = next;
    }

    public void Finish(Action onFinished)
    {
        _onFinished = FinishFailure is null ? onFinished : throw FinishFailure;
        if (FinishesAtOnce)
        {
            CompleteFinish();
        }
    }

    /// <summary>Appends <paramref name="count"/> bytes to the output (a replay buffer keeps them), as a muxer would; the first ones start the recording.</summary>
    public void Write(int count)
    {
        var first = !_wroteAny;
        _wroteAny = true;
        if (_output is { } output)
        {
            RandomAccess.Write(output.Handle, new byte[count], BytesWritten);
        }

        if (first)
        {
            observer.OnOutputStarted();
        }
    }

    public void EndTracks() => observer.OnAllTracksEnded();

    public void Fail(DomErrorName name) => observer.OnFailed(name, $"the fake pipeline failed with {name}");

    /// <summary>The pipeline is done finishing: the file is final.</summary>
    public void CompleteFinish()
    {
        var onFinished = _onFinished ?? throw new InvalidOperationException("the pipeline was not asked to finish");
        _onFinished = null;
        onFinished();
    }
}

/// <summary>
/// What the state machine may record without GStreamer: <c>audio/webm</c> (opus) and <c>video/webm</c> (vp8 and
/// opus), any other type being unsupported, with the format table's canonical full types; and <c>audio/mpeg</c>, a
/// container of one audio track.
/// </summary>
internal sealed class FakeFormatCatalog : IFormatCatalog
{
    public bool IsTypeSupported(string mimeType) => mimeType is "" or "audio/webm" or "video/webm" or "audio/mpeg";

    public IRecordingFormat Resolve(string constrainedMimeType, bool hasAudio, bool hasVideo)
    {
        if (!IsTypeSupported(constrainedMimeType) || (constrainedMimeType.StartsWith("audio/", StringComparison.Ordinal) && hasVideo))
        {
            throw RecorderException.NotSupported($"'{constrainedMimeType}' cannot record the stream");
        }

        if (constrainedMimeType == "audio/mpeg")
        {
            return new FakeFormat("audio/mpeg", "mp3", HoldsSeveralAudioTracks: false);
        }

        var codecs = string.Join(',', new[] { hasVideo ? "vp8" : null, hasAudio ? "opus" : null }.OfType<string>());
        return codecs.Length == 0
            ? throw RecorderException.NotSupported("the stream has no tracks")
            : new FakeFormat($"{(hasVideo ? "video" : "audio")}/webm;codecs={codecs}", "webm", HoldsSeveralAudioTracks: true);
    }

    private sealed record FakeFormat(string MimeType, string Extension, bool HoldsSeveralAudioTracks) : IRecordingFormat
    {
        public bool CanBeSplit => true;
    }
}

/// <summary>A resolved source without a device behind it: its URI and the tracks the test says it gives.</summary>
internal sealed record FakeSource(string Uri, params TrackKind[] Tracks) : IStreamSource
{
    public static FakeSource Audio { get; } = new("test:audio", TrackKind.Audio);

    public static FakeSource Video { get; } = new("test:video", TrackKind.Video);

    public IReadOnlySet<TrackKind> Kinds { get; } = Tracks.ToHashSet();
}
