using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// One session's GStreamer pipeline, driven from the loop thread. Its bus is watched on the loop;
/// bytes are counted on disk (the filesink is unbuffered), so whatever a chunk reports is readable.
/// </summary>
internal sealed class GstRecordingPipeline : IRecordingPipeline
{
    private static readonly TimeSpan OutputPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly GLibLoop _loop;
    private readonly GstPipeline _pipeline;
    private readonly string _location;
    private readonly IRecordingPipelineObserver _observer;
    private readonly TimeSpan _stopTimeout;
    private readonly GLibSource _busWatch;
    private GLibSource? _outputPoll;
    private GLibSource? _stopDeadline;
    private Action? _onFinished;
    private TimeSpan _duration;
    private bool _drained;
    private bool _failed;
    private bool _tornDown;

    public GstRecordingPipeline(GLibLoop loop, GstPipeline pipeline, string location, IRecordingPipelineObserver observer, TimeSpan stopTimeout)
    {
        _loop = loop;
        _pipeline = pipeline;
        _location = location;
        _observer = observer;
        _stopTimeout = stopTimeout;
        _busWatch = pipeline.WatchBus(loop, OnBusMessage);
    }

    public long BytesWritten
    {
        get
        {
            var file = new FileInfo(_location);
            return file.Exists ? file.Length : 0;
        }
    }

    /// <summary>The pipeline's position, never going backwards; after teardown, the last position seen.</summary>
    public TimeSpan Duration =>
        _duration = !_tornDown && _pipeline.QueryPosition() is { } position && position > _duration ? position : _duration;

    public void Start()
    {
        _outputPoll = _loop.AddTimeout(OutputPollInterval, () =>
        {
            if (BytesWritten == 0)
            {
                return true;
            }

            _outputPoll = null;
            _observer.OnOutputStarted();
            return false;
        });
        _pipeline.SetState(GstState.Playing);
    }

    public void Pause() => _pipeline.SetState(GstState.Paused);

    public void Resume() => _pipeline.SetState(GstState.Playing);

    public void Finish(Action onFinished)
    {
        _onFinished = onFinished;
        if (_drained || _failed)
        {
            TearDown();
            return;
        }

        _stopDeadline = _loop.AddTimeout(_stopTimeout, () =>
        {
            _observer.OnWarning($"the pipeline did not finish within {_stopTimeout.TotalSeconds:0.#} s of stop; it was torn down and '{_location}' may lack its duration");
            TearDown();
            return false;
        });

        // A live source only sees the end-of-stream once it runs again, so a paused pipeline resumes to drain.
        _pipeline.SendEndOfStream();
        _pipeline.SetState(GstState.Playing);
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
            case GstMessageKind.Error when !_failed:
                _failed = true;
                if (_onFinished is null)
                {
                    _observer.OnFailed(ErrorNames.For(message.Error), ErrorNames.Describe(message));
                }
                else
                {
                    _observer.OnWarning($"{message.SourceName} failed while the recording was finishing: {message.Error?.Message}");
                    TearDown();
                }

                break;
            case GstMessageKind.Warning:
                _observer.OnWarning($"{message.SourceName}: {message.Error?.Message}");
                break;
        }

        return true;
    }

    /// <summary>Stops everything; the state change to NULL may block on streaming threads, so it runs off the loop.</summary>
    private void TearDown()
    {
        if (_onFinished is not { } onFinished)
        {
            return;
        }

        _onFinished = null;
        _outputPoll?.Dispose();
        _stopDeadline?.Dispose();
        _busWatch.Dispose();
        _ = Duration;
        _tornDown = true;
        Task.Run(() =>
        {
            _pipeline.SetState(GstState.Null);
            _pipeline.Dispose();
            _loop.Post(onFinished);
        });
    }
}
