using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// A recording whose video encoder is tried down a ranking (<see cref="EncoderRanking"/>), hardware first: each candidate
/// gets a pipeline of its own and is kept once the output starts (the muxer wrote what the encoders gave). A candidate
/// whose pipeline cannot be built, fails, or writes nothing within <see cref="FirstOutputTimeout"/> is torn down, the
/// output emptied, and the next started, with a warning naming both; the session sees one pipeline that starts a
/// little later. The last candidate, the software encoder, is kept whatever happens, as a single pipeline would be.
/// While a ranked candidate records, <see cref="EncoderCrashMemory"/> knows it, so that a crash of it is remembered.
/// </summary>
internal sealed class EncoderFallbackPipeline : IRecordingPipeline, IRecordingPipelineObserver
{
    internal static readonly TimeSpan FirstOutputTimeout = TimeSpan.FromSeconds(5);

    private readonly GLibLoop _loop;
    private readonly RecordingPlan _plan;
    private readonly IReadOnlyList<EncoderCandidate> _candidates;
    private readonly IRecordingPipelineObserver _observer;
    private readonly Func<EncoderCandidate, IRecordingPipelineObserver, IRecordingPipeline> _create;
    private readonly EncoderCrashMemory? _crashes;
    private IRecordingPipeline? _current;
    private IDisposable? _inUse;
    private GLibSource? _firstOutputDeadline;
    private Action? _finishWhenSwitched;
    private int _index;
    private bool _outputStarted;
    private bool _paused;
    private bool _switching;

    /// <param name="create">makes (without starting) the pipeline of one candidate, reporting to the observer it is given</param>
    /// <param name="crashes">where ranked candidates are marked while they record; null not to</param>
    public EncoderFallbackPipeline(
        GLibLoop loop, RecordingPlan plan, IReadOnlyList<EncoderCandidate> candidates, IRecordingPipelineObserver observer,
        Func<EncoderCandidate, IRecordingPipelineObserver, IRecordingPipeline> create, EncoderCrashMemory? crashes)
    {
        (_loop, _plan, _candidates, _observer, _create, _crashes) = (loop, plan, candidates, observer, create, crashes);
        _current = CreateFirstThatBuilds();
    }

    private IRecordingPipeline Current => _current ?? throw new InvalidOperationException("no encoder candidate could be built");

    private bool IsLastCandidate => _index == _candidates.Count - 1;

    public long BytesWritten => _switching ? 0 : Current.BytesWritten;

    public TimeSpan Duration => _switching ? TimeSpan.Zero : Current.Duration;

    public IReadOnlyDictionary<TrackKind, string> Encoders => Current.Encoders;

    public TimeSpan ReplayBuffered => _switching ? TimeSpan.Zero : Current.ReplayBuffered;

    public Task<TimeSpan> SaveReplayAsync(RecordingOutput output) =>
        _outputStarted ? Current.SaveReplayAsync(output) : throw RecorderException.InvalidState("the replay buffer holds nothing yet");

    public void Start()
    {
        if (!IsLastCandidate)
        {
            _inUse = _crashes?.InUse(_candidates[_index].Factory);
        }

        Current.Start();
        if (_paused)
        {
            Current.Pause();
        }

        if (!IsLastCandidate)
        {
            _firstOutputDeadline = _loop.AddDeadline(FirstOutputTimeout, () =>
                FallBack($"wrote nothing within {FirstOutputTimeout.TotalSeconds:0} s"));
        }
    }

    public void Pause()
    {
        _paused = true;
        if (!_switching)
        {
            Current.Pause();
        }
    }

    public void Resume()
    {
        _paused = false;
        if (!_switching)
        {
            Current.Resume();
        }
    }

    /// <summary>Only once the output started, which is when a file could end: a candidate is kept from then on.</summary>
    public void Split()
    {
        if (_outputStarted)
        {
            Current.Split();
        }
    }

    public void Finish(Action onFinished)
    {
        _firstOutputDeadline?.Dispose();
        if (_switching)
        {
            _finishWhenSwitched = onFinished;
            return;
        }

        Current.Finish(() =>
        {
            _inUse?.Dispose();
            onFinished();
        });
    }

    void IRecordingPipelineObserver.OnOutputStarted()
    {
        _outputStarted = true;
        _firstOutputDeadline?.Dispose();
        _observer.OnOutputStarted();
    }

    // While switching, what is reported comes from the candidate being given up: the client never hears of it.
    void IRecordingPipelineObserver.OnAllTracksEnded()
    {
        if (!_switching)
        {
            _observer.OnAllTracksEnded();
        }
    }

    void IRecordingPipelineObserver.OnFailed(DomErrorName name, string message)
    {
        if (_switching)
        {
            return;
        }

        if (_outputStarted || IsLastCandidate || _finishWhenSwitched is not null)
        {
            _observer.OnFailed(name, message);
            return;
        }

        FallBack($"failed: {message}");
    }

    void IRecordingPipelineObserver.OnWarning(string message)
    {
        if (!_switching)
        {
            _observer.OnWarning(message);
        }
    }

    void IRecordingPipelineObserver.OnFileChanged(RecordingOutput next) => _observer.OnFileChanged(next);

    void IRecordingPipelineObserver.OnAudioLevels(AudioLevels levels)
    {
        if (!_switching)
        {
            _observer.OnAudioLevels(levels);
        }
    }

    /// <summary>Tears the current candidate's pipeline down and, once nothing writes any more, starts the next one.</summary>
    private void FallBack(string why)
    {
        if (_switching || _outputStarted)
        {
            return;
        }

        _switching = true;
        _firstOutputDeadline?.Dispose();
        var failed = _candidates[_index].Factory;
        Current.Finish(() =>
        {
            _switching = false;
            _inUse?.Dispose();
            if (_plan.Output is { } output)
            {
                UnixFiles.Rewind(output.Handle);
            }

            if (_finishWhenSwitched is { } finish)
            {
                finish(); // stopped before any candidate wrote anything: there is nothing to record
                return;
            }

            _index++;
            _current = CreateFirstThatBuilds(failed, why);
            Start();
        });
    }

    /// <summary>Makes the pipeline of the candidate at <see cref="_index"/> or, where that fails, of the next ones.</summary>
    private IRecordingPipeline CreateFirstThatBuilds(string? failed = null, string? why = null)
    {
        while (true)
        {
            var candidate = _candidates[_index];
            try
            {
                var pipeline = _create(candidate, this);
                if (failed is not null)
                {
                    _observer.OnWarning($"the video encoder {failed} {why}; recording with {candidate.Factory} instead");
                }

                return pipeline;
            }
            catch (Exception exception) when (!IsLastCandidate && exception is RecorderException or ArgumentException or InvalidOperationException or GLibException)
            {
                (failed, why) = (candidate.Factory, $"could not be set up: {exception.Message}");
                _index++;
            }
        }
    }
}
