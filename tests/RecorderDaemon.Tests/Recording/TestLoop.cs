using System.Collections.Concurrent;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// A recorder loop without GLib: one thread running posted work in order, timers that post their ticks. What escapes
/// a posted action is kept in <see cref="Failures"/> (the daemon's GLib loop reports it to one sink the same way).
/// </summary>
internal sealed class TestLoop : ILoop, IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public TestLoop()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "test-loop" };
        _thread.Start();
    }

    public ConcurrentQueue<Exception> Failures { get; } = new();

    public void Post(Action action) => _work.Add(action);

    public IDisposable AddTimeout(TimeSpan interval, Func<bool> onTick)
    {
        var stopped = false;
        var timer = new Timer(_ => TryPost(() =>
        {
            if (!stopped && !onTick())
            {
                stopped = true;
            }
        }));
        timer.Change(interval, interval);
        return new Timeout(timer, () => stopped = true);
    }

    public Task InvokeAsync(Action action)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                action();
                completion.SetResult();
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        return completion.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
    }

    /// <summary>A tick that comes after the loop was disposed is dropped.</summary>
    private void TryPost(Action action)
    {
        try
        {
            _work.Add(action);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void Run()
    {
        foreach (var action in _work.GetConsumingEnumerable())
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                Failures.Enqueue(exception);
            }
        }
    }

    /// <summary>Disposed on the loop thread, like a GLib source: no tick runs after it.</summary>
    private sealed class Timeout(Timer timer, Action stop) : IDisposable
    {
        public void Dispose()
        {
            stop();
            timer.Dispose();
        }
    }
}
