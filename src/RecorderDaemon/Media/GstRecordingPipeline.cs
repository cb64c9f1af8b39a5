using System.Diagnostics;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// One session's GStreamer pipeline, driven from the loop thread. Its bus is watched on the loop;
/// bytes are counted in the output file (the sink is unbuffered), so whatever a chunk reports is readable.
/// Pausing keeps the pipeline (and so the sources) running, as a paused MediaRecorder leaves its
/// stream alone: the branches' pause gates drop data, and on resume later data is shifted back by the
/// paused time so the file's timeline has no gap. The pause is measured on the monotonic clock,
/// not the pipeline's: a PipeWire clock gave nonsense running times across a pause.
/// A split recording's files change on the splitter's word (<see cref="FileSplitter"/>); a replay buffer writes no file
/// and is saved from its <see cref="ReplayRing"/>.
/// </summary>
internal sealed class GstRecordingPipeline : IRecordingPipeline
{
    private static readonly TimeSpan OutputPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly GLibLoop _loop;
    private readonly GstPipeline _pipeline;
    private readonly IReadOnlyList<PauseGate> _gates;
    private readonly BuiltPipeline _built;
    private readonly PauseTimeline _timeline = new();
    private readonly Stopwatch _sinceStart = new();
    private RecordingOutput? _output;
    private readonly IRecordingPipelineObserver _observer;
    private readonly TimeSpan _stopTimeout;
    private readonly GLibSource _busWatch;
    private Task _toPlaying = Task.CompletedTask;
    private GLibSource? _outputPoll;
    private GLibSource? _stopDeadline;
    private Action? _onFinished;
    private TimeSpan _duration;
    private bool _drained;
    private bool _failed;
    private bool _playing;
    private bool _drainWhenPlaying;
    private bool _tornDown;

    public GstRecordingPipeline(GLibLoop loop, BuiltPipeline built, RecordingOutput? output, IRecordingPipelineObserver observer, TimeSpan stopTimeout)
    {
        _loop = loop;
        _pipeline = built.Pipeline;
        _gates = built.Gates;
        _built = built;
        _output = output;
        _observer = observer;
        _stopTimeout = stopTimeout;
        _busWatch = _pipeline.WatchBus(loop, OnBusMessage);
        if (built.Splitter is { } splitter)
        {
            splitter.FileChanged = OnFileChanged;
            splitter.FileFailed = message => Fail(DomErrorName.NotAllowedError, $"the recording's next file could not be created: {message}");
        }
    }

    public long BytesWritten => _output?.Length ?? 0;

    public TimeSpan ReplayBuffered => _built.Replay?.Buffered ?? TimeSpan.Zero;

    public IReadOnlyDictionary<TrackKind, string> Encoders => _built.Encoders;

    /// <summary>Media recorded so far, pauses excluded; after teardown, the last value seen.</summary>
    public TimeSpan Duration =>
        _duration = _tornDown ? _duration : _timeline.RecordedAt(_sinceStart.Elapsed);

    public void Start()
    {
        _outputPoll = _loop.AddTimeout(OutputPollInterval, () =>
        {
            if (BytesWritten == 0 && _built.Replay is not { Bytes: > 0 })
            {
                return true;
            }

            _outputPoll = null;
            _observer.OnOutputStarted();
            return false;
        });
        // The state change may block (a source opening its device, elements taking locks streaming threads hold), so it
        // runs off the loop; a failure comes as an error message on the bus. The teardown waits for it.
        _toPlaying = BlockingWork.Run(() => _pipeline.SetState(GstState.Playing));
        _sinceStart.Start();
    }

    public void Pause()
    {
        _timeline.Pause(_sinceStart.Elapsed);
        foreach (var gate in _gates)
        {
            gate.Close();
        }
    }

    public void Resume()
    {
        _timeline.Resume(_sinceStart.Elapsed);
        foreach (var gate in _gates)
        {
            gate.Open(_timeline.PausedTotal);
        }
    }

    public void Split() => (_built.Splitter ?? throw new InvalidOperationException("the recording is not split into files")).Split();

    public Task<TimeSpan> SaveReplayAsync(RecordingOutput output) =>
        (_built.Replay ?? throw new InvalidOperationException("the recording has no replay buffer")).SaveAsync(output);

    public void Finish(Action onFinished)
    {
        _onFinished = onFinished;
        if (_drained || _failed)
        {
            TearDown();
            return;
        }

        try
        {
            _stopDeadline = _loop.AddDeadline(_stopTimeout, () =>
            {
                _observer.OnWarning($"the pipeline did not finish within {_stopTimeout.TotalSeconds:0.#} s of stop; it was torn down and the file may lack its duration");
                TearDown();
            });

            // Sending an event to a pipeline takes its state lock, which the change to PLAYING still in
            // progress needs too, while a source waits for the sinks to play: a stop straight after
            // start deadlocked. So a pipeline not yet playing is drained once it is.
            if (_playing)
            {
                _pipeline.SendEndOfStream();
            }
            else
            {
                _drainWhenPlaying = true;
            }
        }
        catch (Exception exception)
        {
            // Still shut down, so the session's file is closed only once nothing writes to it.
            _observer.OnWarning($"the pipeline could not be drained ({exception.Message}); it was torn down and the file may lack its duration");
            TearDown();
        }
    }

    private bool OnBusMessage(GstBusMessage message)
    {
        switch (message.Kind)
        {
            case GstMessageKind.EndOfStream:
                _drained = true;
                if (_onFinished is null)
                {
                    _observer.OnAllTracksEnded();
                }
                else
                {
                    TearDown();
                }

                break;
            case GstMessageKind.Error:
                Fail(ErrorNames.For(message.Error), ErrorNames.Describe(message));
                break;
            case GstMessageKind.StateChanged when message.IsFrom(_pipeline) && message.NewState == GstState.Playing:
                _playing = true;
                if (_drainWhenPlaying && _onFinished is not null)
                {
                    _drainWhenPlaying = false;
                    _pipeline.SendEndOfStream();
                }

                break;
            case GstMessageKind.Warning:
                _observer.OnWarning($"{message.SourceName}: {message.Error?.Message}");
                break;
            case GstMessageKind.Levels when message.Levels is { } levels:
                _observer.OnAudioLevels(AudioLevels.Floored(levels.Peak, levels.Rms));
                break;
        }

        return true;
    }

    private void Fail(DomErrorName name, string description)
    {
        if (_failed)
        {
            return;
        }

        _failed = true;
        if (_onFinished is null)
        {
            _observer.OnFailed(name, description);
        }
        else
        {
            _observer.OnWarning($"{description}, while the recording was finishing");
            TearDown();
        }
    }

    /// <summary>A file the splitter started after teardown began is not the recording's: nothing reports it, so it goes.</summary>
    private void OnFileChanged(RecordingOutput next)
    {
        if (_tornDown)
        {
            next.Discard();
            next.Dispose();
            return;
        }

        _observer.OnFileChanged(next);
        _output = next;
    }

    /// <summary>
    /// Stops everything; the state change to NULL may block on streaming threads, so it runs off the loop, after the change
    /// to PLAYING. Whatever
    /// fails here, the session hears of the end (its Stop and Destroy replies wait for it), after a warning saying what failed.
    /// </summary>
    private void TearDown()
    {
        if (_onFinished is not { } onFinished)
        {
            return;
        }

        _onFinished = null;
        try
        {
            _outputPoll?.Dispose();
            _stopDeadline?.Dispose();
            _busWatch.Dispose();
            _built.StopFollowing();
            _ = Duration;
        }
        finally
        {
            _tornDown = true;
            _toPlaying.ContinueWith(_ => BlockingWork.Run(ShutDown), TaskScheduler.Default);
        }

        void ShutDown()
        {
            try
            {
                _pipeline.SetState(GstState.Null);
                _built.Dispose();
            }
            catch (Exception exception)
            {
                _loop.Post(() => _observer.OnWarning($"the pipeline could not be shut down cleanly: {exception.Message}"));
            }
            finally
            {
                _loop.Post(onFinished);
            }
        }
    }
}
