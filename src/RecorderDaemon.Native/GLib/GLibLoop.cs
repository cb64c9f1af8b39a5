using System.Diagnostics;

namespace RecorderDaemon.Native;

/// <summary>
/// A dedicated thread running a <c>GMainLoop</c> on a private <c>GMainContext</c>. GStreamer bus
/// watches and timeouts are attached to this context, so their callbacks all arrive on this one
/// thread, where the recorders live too. Work from other threads comes in through <see cref="Post"/> or
/// <see cref="InvokeAsync{T}"/>; nothing may block this thread.
/// </summary>
public sealed class GLibLoop : IDisposable
{
    private readonly MainLoopHandle _loop;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PostedActions _posted;

    public GLibLoop(string name = "glib-main")
    {
        Context = Interop.GLib.g_main_context_new();
        _loop = Interop.GLib.g_main_loop_new(Context, isRunning: false);
        _posted = new PostedActions(this);
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
        _running.Task.Wait();
    }

    internal MainContextHandle Context { get; }

    public bool IsLoopThread => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    /// <summary>Queues <paramref name="action"/> to run on the loop thread, always later, in FIFO order.</summary>
    public void Post(Action action) => _posted.Post(action);

    public Task InvokeAsync(Action action) => InvokeAsync(() =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="function"/> on the loop thread; its result or exception completes the task.</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.SetResult(function());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        return completion.Task;
    }

    /// <summary>Calls <paramref name="onTick"/> on the loop thread every <paramref name="interval"/> while it returns true.</summary>
    /// <remarks>An exception from <paramref name="onTick"/> goes to <see cref="NativeCallbackErrors"/> and the timer keeps running.</remarks>
    public GLibSource AddTimeout(TimeSpan interval, Func<bool> onTick) => GLibSource.AttachTimeout(this, interval, onTick);

    /// <summary>Calls <paramref name="onDue"/> once after <paramref name="delay"/>, ahead of other work that is ready at the same time.</summary>
    public GLibSource AddDeadline(TimeSpan delay, Action onDue) => GLibSource.AttachDeadline(this, delay, onDue);

    [Conditional("DEBUG")]
    public void AssertLoopThread()
    {
        if (!IsLoopThread)
        {
            throw new InvalidOperationException("This must run on the GLib loop thread.");
        }
    }

    public void Dispose()
    {
        if (!_thread.IsAlive)
        {
            return;
        }

        Interop.GLib.g_main_loop_quit(_loop);
        _thread.Join();
        _posted.Dispose();
        _loop.Dispose();
        Context.Dispose();
    }

    private void Run()
    {
        Interop.GLib.g_main_context_push_thread_default(Context);
        AddTimeout(TimeSpan.Zero, () =>
        {
            _running.SetResult();
            return false;
        });
        Interop.GLib.g_main_loop_run(_loop);
        Interop.GLib.g_main_context_pop_thread_default(Context);
    }
}
