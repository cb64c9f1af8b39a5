using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecorderDaemon.Bus;
using RecorderDaemon.Native;

namespace RecorderDaemon.Hosting;

/// <summary>
/// Lets an activated daemon go away when it has nothing to do: once there has been no recorder object
/// (active or not) for the idle time, it asks the host to stop, which releases the bus name, so the next
/// call to <c>io.github.recorderd</c> activates recorderd again. Lives on the loop thread.
/// </summary>
internal sealed class IdleExit(GLibLoop loop, RecorderRegistry registry, TimeSpan idleTime, IHostApplicationLifetime lifetime, ILogger logger) : IDisposable
{
    private GLibSource? _timeout;
    private bool _stopped;

    public void Start()
    {
        loop.AssertLoopThread();
        registry.CountChanged += OnCountChanged;
        OnCountChanged();
    }

    public void Dispose()
    {
        loop.AssertLoopThread();
        _stopped = true;
        registry.CountChanged -= OnCountChanged;
        _timeout?.Dispose();
        _timeout = null;
    }

    private void OnCountChanged()
    {
        _timeout?.Dispose();
        _timeout = !_stopped && registry.Count == 0 ? loop.AddTimeout(idleTime, OnIdle) : null;
    }

    private bool OnIdle()
    {
        _stopped = true;
        logger.LogInformation("No recorder for {IdleSeconds} s after activation or since the last one was removed; exiting until activated again", idleTime.TotalSeconds);
        lifetime.StopApplication();
        return false;
    }
}
