using System.Diagnostics;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary>
/// A recording <c>record</c> runs in the foreground, from just after its start until its recorder is gone:
/// it follows the recorder's events (raised on the client's receive loop, so the handlers only note them),
/// shows them on a <see cref="StatusLine"/>, and stops and destroys the recorder at the end.
/// </summary>
internal sealed class ForegroundRecording
{
    /// <summary>How often the daemon measures the audio for the status line's meter.</summary>
    public static readonly TimeSpan MeterInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly MediaRecorder _recorder;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StatusLine _status = new();
    private readonly Lock _clockLock = new();

    // Runs while the recorder records, so that pauses do not count.
    private readonly Stopwatch _recordingTime = new();
    private readonly List<string> _files = [];
    private readonly bool _replay;
    private volatile RecorderErrorEventArgs? _error;
    private volatile AudioLevelsEventArgs? _levels;
    private volatile bool _destroyedElsewhere;

    /// <summary>Follows <paramref name="recorder"/>'s events; call before starting it so that none is missed.</summary>
    /// <param name="replay">the recorder keeps a replay buffer: the status shows what it holds, and there is no file to name</param>
    public ForegroundRecording(RecorderClient client, MediaRecorder recorder, bool replay = false)
    {
        _recorder = recorder;
        _replay = replay;
        // Destroy finalizes the file but raises no Stopped: without this, record would wait for Ctrl+C.
        client.RecorderRemoved += (_, removed) =>
        {
            if (removed.ObjectPath == recorder.ObjectPath)
            {
                _destroyedElsewhere = true;
                OnEnded();
            }
        };
        recorder.Started += (_, _) =>
        {
            if (replay)
            {
                RunClock(true, "Keeping the last seconds in memory (Enter or SIGUSR1 saves them, Ctrl+C ends)");
                return;
            }

            AddFile(recorder.Location);
            RunClock(true, $"Recording to {recorder.Location} (Ctrl+C stops)");
        };
        recorder.FileChanged += (_, changed) =>
        {
            AddFile(changed.Path);
            _status.Print($"Continuing in {changed.Path}");
        };
        recorder.Paused += (_, _) => RunClock(false, "Paused");
        recorder.Resumed += (_, _) => RunClock(true, "Resumed");
        recorder.Warning += (_, warning) => _status.Print($"Warning: {warning.Message}");
        recorder.Error += (_, error) => _error = error;
        recorder.AudioLevels += (_, levels) => _levels = levels;
        recorder.Stopped += (_, _) => OnEnded();
    }

    /// <summary>The recording's files, in order: one, or each part of a split recording.</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_files)
            {
                return [.. _files];
            }
        }
    }

    private TimeSpan RecordingTime
    {
        get
        {
            lock (_clockLock)
            {
                return _recordingTime.Elapsed;
            }
        }
    }

    /// <summary>
    /// Shows the status until the recording stops by itself, <paramref name="limit"/> of recording time has
    /// passed or <paramref name="stop"/> is cancelled, then stops it and destroys the recorder; when this
    /// returns the file is final.
    /// </summary>
    /// <returns>why the recording failed (its error, or the recorder destroyed by another client); null if it did not</returns>
    public async Task<string?> RunAsync(TimeSpan? limit, CancellationToken stop)
    {
        // One reading of the clock per round: read again, it may have passed the limit, and a negative wait makes
        // Task.Delay throw, or (between -2 and -1 ms) wait forever.
        for (var recorded = RecordingTime; !_stopped.Task.IsCompleted && !stop.IsCancellationRequested && !(recorded >= limit); recorded = RecordingTime)
        {
            _status.Show(_replay
                ? $"{_recorder.State.ToSpecName(),-9}  {Units.Time(recorded)}  holding {Units.Time(_recorder.ReplayBuffered)}"
                : $"{_recorder.State.ToSpecName(),-9}  {Units.Time(recorded)}  {Units.Size(_recorder.BytesWritten)}{Units.Meter(_levels?.PeakDecibels)}");
            var wait = limit is { } end && end - recorded < RefreshInterval ? end - recorded : RefreshInterval;
            await Task.WhenAny(_stopped.Task, Task.Delay(wait, stop));
        }

        if (!_stopped.Task.IsCompleted)
        {
            _status.Show("stopping…");
            await _recorder.StopAsync();
        }

        _status.Finish(_replay
            ? $"Replay buffer ended after {Units.Time(_recorder.Duration)}"
            : $"Saved {_recorder.Location} ({Units.Time(_recorder.Duration)}, {Units.Size(_recorder.BytesWritten)})");
        if (_destroyedElsewhere)
        {
            return "another client destroyed the recorder";
        }

        await _recorder.DestroyAsync();
        return _error is { } error ? $"{error.Name}: {error.Message}" : null;
    }

    /// <summary>Prints a lasting message above the status.</summary>
    public void Print(string message) => _status.Print(message);

    private void AddFile(string path)
    {
        lock (_files)
        {
            _files.Add(path);
        }
    }

    private void OnEnded()
    {
        RunClock(false, null);
        _stopped.TrySetResult();
    }

    private void RunClock(bool running, string? announcement)
    {
        lock (_clockLock)
        {
            if (running)
            {
                _recordingTime.Start();
            }
            else
            {
                _recordingTime.Stop();
            }
        }

        if (announcement is not null)
        {
            _status.Print(announcement);
        }
    }
}
