using Microsoft.Extensions.Logging;

namespace RecorderDaemon.Recording;

/// <summary>
/// One recording, from a start() to its Stopped event: its pipeline, its files, chunks and timecodes,
/// its timers. A replay buffer has no file until it is saved, and so no chunks. Events are held back until Started has been raised, so Started always comes first. Whatever the
/// pipeline or an event handler throws, a session that was ended raises Stopped and completes.
/// </summary>
internal sealed partial class RecordingSession : IRecordingPipelineObserver
{
    private readonly MediaRecorder _recorder;
    private readonly ILoop _loop;
    private readonly ILogger _logger;
    private readonly TimeSpan? _timeslice;
    private readonly IRecordingPipeline _pipeline;
    private readonly RecordingLimitCheck _limits;
    private readonly RecordingClock _clock = new();
    private readonly Queue<Action> _heldUntilStarted = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _timesliceTimer;
    private IDisposable? _progressTimer;
    private IDisposable? _limitTimer;
    private RecordingOutput? _output;
    private long _chunkOffset;
    private long _bytesInEarlierFiles;
    private double _chunkTimecode;
    private bool _started;
    private bool _ended;
    private bool _finished;

    /// <exception cref="RecorderException">the pipeline cannot be built; the output is discarded and closed</exception>
    public RecordingSession(MediaRecorder recorder, RecorderContext context, RecordingPlan plan, TimeSpan? timeslice)
    {
        _recorder = recorder;
        _loop = context.Loop;
        _logger = context.Logger;
        _timeslice = timeslice;
        Format = plan.Format;
        _output = plan.Output;
        _limits = new RecordingLimitCheck(recorder.Options, context.FreeSpace);
        try
        {
            _pipeline = context.Pipelines.Create(plan, this);
        }
        catch
        {
            _output?.Discard();
            _output?.Dispose();
            throw;
        }
    }

    public IRecordingFormat Format { get; }

    /// <summary>Completes once the file is final and Stopped has been raised.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts the pipeline after the timers, so that a pipeline failing to start ends a session whose timers End stops.</summary>
    public void Begin()
    {
        _clock.Start();
        _progressTimer = _loop.AddTimeout(RecorderContext.ProgressInterval, () =>
        {
            ReportProgress();
            return true;
        });
        _limitTimer = _loop.AddTimeout(RecordingLimitCheck.Interval, () =>
        {
            EndAtLimit();
            return true;
        });
        Drive(_pipeline.Start, "start");
    }

    public void Pause()
    {
        _clock.Pause();
        StopTimesliceTimer();
        _loop.Post(() =>
        {
            if (!_ended)
            {
                Drive(_pipeline.Pause, "pause");
            }

            WhenStarted(_recorder.RaisePaused);
        });
    }

    public void Resume()
    {
        _clock.Start();
        _loop.Post(() =>
        {
            if (!_ended)
            {
                Drive(_pipeline.Resume, "resume");
                StartTimesliceTimer();
            }

            WhenStarted(_recorder.RaiseResumed);
        });
    }

    public void RequestData() => _loop.Post(() => WhenStarted(EmitChunk));

    /// <inheritdoc cref="IRecordingPipeline.SaveReplayAsync"/>
    public Task<TimeSpan> SaveReplayAsync(RecordingOutput output) => _pipeline.SaveReplayAsync(output);

    public void Split() => _loop.Post(() =>
    {
        if (!_ended)
        {
            Drive(_pipeline.Split, "split");
        }
    });

    /// <summary>
    /// Ends the session after the recorder has inactivated: [Started], [Error], final chunk, Stopped. The file is
    /// finalized and <see cref="Completion"/> completes even if an event's handler or the pipeline's teardown fails,
    /// so no Stop waits forever.
    /// </summary>
    public void End(RecorderError? error)
    {
        _ended = true;
        StopTimesliceTimer();
        _progressTimer?.Dispose();
        _limitTimer?.Dispose();
        _loop.Post(() =>
        {
            try
            {
                RaiseStarted();
                if (error is not null)
                {
                    _recorder.RaiseError(error);
                }
            }
            finally
            {
                FinishPipeline(error);
            }
        });
    }

    void IRecordingPipelineObserver.OnOutputStarted()
    {
        if (!_ended)
        {
            _recorder.Encoders = _pipeline.Encoders;
            RaiseStarted();
            StartTimesliceTimer();
        }
    }

    void IRecordingPipelineObserver.OnAllTracksEnded() => _recorder.EndBySession(this, error: null);

    void IRecordingPipelineObserver.OnFailed(DomErrorName name, string message) =>
        _recorder.EndBySession(this, new RecorderError(name, message));

    void IRecordingPipelineObserver.OnWarning(string message) => _recorder.RaiseWarning(message);

    /// <summary>Only between Started and the end: a meter's reading is of no use later, and would come before Started earlier.</summary>
    void IRecordingPipelineObserver.OnAudioLevels(AudioLevels levels)
    {
        if (_started && !_ended)
        {
            _recorder.RaiseLevelsMeasured(levels);
        }
    }

    /// <summary>
    /// Asks the pipeline to finish the file. A pipeline that cannot (its teardown threw) leaves the file as it is:
    /// the recording failed, so an error is raised unless one was already, and the session ends all the same.
    /// </summary>
    private void FinishPipeline(RecorderError? error)
    {
        // The spec discards the data of a recording that ended with a SecurityError.
        var discardData = error?.Name == DomErrorName.SecurityError;
        try
        {
            _pipeline.Finish(() => OnFinished(discardData));
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A recording's pipeline could not be finished; its file is left as it is");
            if (error is null)
            {
                _recorder.RaiseError(new RecorderError(DomErrorName.UnknownError, $"the recording could not be finished, its file may be incomplete: {exception.Message}"));
            }

            OnFinished(discardData);
        }
    }

    /// <summary>The file is final: the last chunk and Stopped, then <see cref="Completion"/>, once, whatever throws.</summary>
    private void OnFinished(bool discardData)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            try
            {
                // A recording that failed before writing anything leaves no empty file, which would not play.
                if (discardData || _pipeline.BytesWritten == 0)
                {
                    _chunkOffset = 0;
                    _output?.Discard();
                }

                ReportProgress();
                if (_output is not null)
                {
                    EmitChunk();
                }
            }
            finally
            {
                _recorder.RaiseStopped();
            }
        }
        finally
        {
            _output?.Dispose();
            _completion.SetResult();
        }
    }

    /// <summary>A pipeline step that throws fails the recording as a pipeline error would: inactive, then error, data, stop.</summary>
    private void Drive(Action step, string name)
    {
        try
        {
            step();
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A recording's pipeline could not {Step}", name);
            _recorder.EndBySession(this, new RecorderError(DomErrorName.UnknownError, $"the pipeline could not {name}: {exception.Message}"));
        }
    }

    private void RaiseStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _recorder.RaiseStarted(this);
        while (_heldUntilStarted.TryDequeue(out var held))
        {
            held();
        }
    }

    private void WhenStarted(Action raise)
    {
        if (_started)
        {
            raise();
        }
        else
        {
            _heldUntilStarted.Enqueue(raise);
        }
    }

    private void StartTimesliceTimer()
    {
        if (_timeslice is { } interval && _started && _timesliceTimer is null && _recorder.State == RecordingState.Recording)
        {
            _timesliceTimer = _loop.AddTimeout(interval, () =>
            {
                EmitChunk();
                return true;
            });
        }
    }

    private void StopTimesliceTimer()
    {
        _timesliceTimer?.Dispose();
        _timesliceTimer = null;
    }
}
