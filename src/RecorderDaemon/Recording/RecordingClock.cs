using System.Diagnostics;

namespace RecorderDaemon.Recording;

/// <summary>Elapsed recording time with paused intervals left out; the source of chunk timecodes.</summary>
internal sealed class RecordingClock
{
    private readonly Stopwatch _running = new();
    private double _lastTimecode;

    public void Start() => _running.Start();

    public void Pause() => _running.Stop();

    /// <summary>Milliseconds recorded so far, strictly greater than 0 and than the previous answer.</summary>
    /// <remarks>Two chunks asked for while paused would otherwise share a timecode; the spec wants them strictly increasing.</remarks>
    public double NextTimecode()
    {
        var now = _running.Elapsed.TotalMilliseconds;
        _lastTimecode = now > _lastTimecode ? now : Math.BitIncrement(_lastTimecode);
        return _lastTimecode;
    }
}
