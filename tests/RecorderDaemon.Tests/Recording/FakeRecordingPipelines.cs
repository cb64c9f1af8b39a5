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

        var pipeline = new FakeRecordingPipeline(plan, observer);
        _created.Add(pipeline);
        return pipeline;
    }
}

/// <summary>One recording's stand-in pipeline: it writes what the test says into the real output file.</summary>
internal sealed class FakeRecordingPipeline(RecordingPlan plan, IRecordingPipelineObserver observer) : IRecordingPipeline
{
    private Action? _onFinished;

    public bool IsPaused { get; private set; }

    /// <summary>Finish was called and the test has not completed it yet.</summary>
    public bool IsFinishing => _onFinished is not null;

    public long BytesWritten => plan.Output.Length;

    public TimeSpan Duration => TimeSpan.Zero;

    public void Start()
    {
    }

    public void Pause() => IsPaused = true;

    public void Resume() => IsPaused = false;

    public void Finish(Action onFinished) => _onFinished = onFinished;

    /// <summary>Appends <paramref name="count"/> bytes to the output, as a muxer would; the first ones start the recording.</summary>
    public void Write(int count)
    {
        var first = BytesWritten == 0;
        RandomAccess.Write(plan.Output.Handle, new byte[count], BytesWritten);
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
