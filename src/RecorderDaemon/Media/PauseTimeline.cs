namespace RecorderDaemon.Media;

/// <summary>
/// A recording's timeline with paused intervals cut out: how much time to
/// shift later data back by (so the file has no gap), and how much media is recorded at a moment.
/// </summary>
internal sealed class PauseTimeline
{
    private TimeSpan? _pausedAt;

    /// <summary>The sum of all finished pauses.</summary>
    public TimeSpan PausedTotal { get; private set; }

    public void Pause(TimeSpan now) => _pausedAt ??= now;

    public void Resume(TimeSpan now)
    {
        if (_pausedAt is { } pausedAt)
        {
            PausedTotal += now - pausedAt;
            _pausedAt = null;
        }
    }

    /// <summary>Media recorded by <paramref name="now"/>; it stands still while paused.</summary>
    public TimeSpan RecordedAt(TimeSpan now) => (_pausedAt ?? now) - PausedTotal;
}
