using System.Diagnostics;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary>
/// A recording <c>record</c> runs in the foreground: it follows the recorder's events (raised on the
/// client's loop thread, so the handlers only note them) and shows them on a <see cref="StatusLine"/>.
/// </summary>
internal sealed class ForegroundRecording
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly MediaRecorder _recorder;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StatusLine _status = new();
    private readonly Lock _clockLock = new();

    // Runs while the recorder records, so that pauses do not count.
    private readonly Stopwatch _recordingTime = new();
    private volatile RecorderErrorEventArgs? _error;

    /// <summary>Follows <paramref name="recorder"/>'s events; call before starting it so that none is missed.</summary>
    public ForegroundRecording(MediaRecorder recorder)
    {
        _recorder = recorder;
        recorder.Started += (_, _) => RunClock(true, $"Recording to {recorder.Location} (Ctrl+C stops)");
        recorder.Paused += (_, _) => RunClock(false, "Paused");
        recorder.Resumed += (_, _) => RunClock(true, "Resumed");
        recorder.Warning += (_, warning) => _status.Print($"Warning: {warning.Message}");
        recorder.Error += (_, error) => _error = error;
        recorder.Stopped += (_, _) =>
        {
            RunClock(false, null);
            _stopped.TrySetResult();
        };
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
    /// passed or <paramref name="stop"/> is cancelled, then stops it; when this returns the file is final.
    /// </summary>
    /// <returns>the error the recording ended with, if any</returns>
    public async Task<RecorderErrorEventArgs?> RunAsync(TimeSpan? limit, CancellationToken stop)
    {
        // One reading of the clock per round: read again, it may have passed the limit, and a negative wait makes
        // Task.Delay throw, or (between -2 and -1 ms) wait forever.
        for (var recorded = RecordingTime; !_stopped.Task.IsCompleted && !stop.IsCancellationRequested && !(recorded >= limit); recorded = RecordingTime)
        {
            _status.Show($"{_recorder.State,-9}  {Units.Time(recorded)}  {Units.Size(_recorder.BytesWritten)}");
            var wait = limit is { } end && end - recorded < RefreshInterval ? end - recorded : RefreshInterval;
            await Task.WhenAny(_stopped.Task, Task.Delay(wait, stop));
        }

        if (!_stopped.Task.IsCompleted)
        {
            _status.Show("stopping…");
            await StopAsync();
        }

        _status.Print($"Saved {_recorder.Location} ({Units.Time(_recorder.Duration)}, {Units.Size(_recorder.BytesWritten)})");
        return _error;
    }

    private async Task StopAsync()
    {
        try
        {
            await _recorder.StopAsync();
        }
        catch (RecorderClientException error) when (error.DomExceptionName == "InvalidStateError")
        {
            // It stopped by itself (its sources ended, or it failed) while we asked; it is finalized once Stopped comes.
            await _stopped.Task;
        }
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
