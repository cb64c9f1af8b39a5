using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Native;

/// <summary>
/// Actions posted to a loop from any thread, run on the loop thread in the order posted. Posting takes no GLib lock: it
/// queues the action and counts up an eventfd that the loop polls. A source attached per action took the main context's
/// lock, which the loop needs between dispatches, and a poster preempted while holding it (the cores full of recordings)
/// stalled the loop for up to 160 ms.
/// </summary>
internal sealed class PostedActions : IDisposable
{
    private readonly ConcurrentQueue<Action> _actions = new();
    private readonly SafeFileHandle _wakeup;
    private readonly GLibSource _watch;

    /// <exception cref="UnixErrorException">no eventfd could be made</exception>
    public PostedActions(GLibLoop loop)
    {
        var fd = Interop.Libc.eventfd(0, Interop.Libc.EFD_NONBLOCK | Interop.Libc.EFD_CLOEXEC);
        _wakeup = fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw UnixErrorException.Last("eventfd", "");
        _watch = GLibSource.AttachReadWatch(loop, _wakeup, RunQueued);
    }

    /// <summary>Any thread. Once the loop is disposed, posted actions are dropped: nothing would run them.</summary>
    public void Post(Action action)
    {
        _actions.Enqueue(action);
        try
        {
            Interop.Libc.eventfd_write(_wakeup, 1);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Disposes the watch, then the eventfd; after the loop has stopped running.</summary>
    public void Dispose()
    {
        _watch.Dispose();
        _wakeup.Dispose();
    }

    private void RunQueued()
    {
        Interop.Libc.eventfd_read(_wakeup, out _);
        // Only what was queued by now: an action that posts again runs next turn, after the loop's other sources.
        for (var count = _actions.Count; count > 0 && _actions.TryDequeue(out var action); count--)
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                NativeCallbackErrors.Report(exception);
            }
        }
    }
}
