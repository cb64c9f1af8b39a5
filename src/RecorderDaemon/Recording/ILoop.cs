namespace RecorderDaemon.Recording;

/// <summary>
/// The one thread a recorder lives on, as far as the state machine needs it: work queued behind what is queued
/// already, and timers. Every call of a recorder, every event it raises and every pipeline callback happens there.
/// The daemon's is its GLib loop, shared with the pipelines' bus watches; the state tests use a plain thread.
/// </summary>
public interface ILoop
{
    /// <summary>Queues <paramref name="action"/> to run on the loop thread, always later, in FIFO order.</summary>
    void Post(Action action);

    /// <summary>Calls <paramref name="onTick"/> on the loop thread every <paramref name="interval"/> while it returns true; disposing stops it.</summary>
    IDisposable AddTimeout(TimeSpan interval, Func<bool> onTick);
}
