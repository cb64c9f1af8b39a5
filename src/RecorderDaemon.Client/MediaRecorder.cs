using RecorderDaemon.Native;

namespace RecorderDaemon.Client;

/// <summary>
/// A proxy for one recorder object (<c>/io/github/recorderd/recorder/N</c>), mirroring the W3C MediaRecorder.
/// Its properties are kept current from <c>PropertiesChanged</c>; its events are raised on the client's
/// loop thread, so handlers must not block (an exception a handler throws goes to
/// <see cref="NativeCallbackErrors.Unhandled"/>). Disposing stops listening; the recorder itself stays.
/// </summary>
public sealed partial class MediaRecorder : IAsyncDisposable
{
    private readonly DaemonObject _remote;
    private readonly Action<MediaRecorder> _onDisposed;
    private DBusSignalSubscription? _subscription;

    private MediaRecorder(DaemonObject remote, Action<MediaRecorder> onDisposed)
    {
        _remote = remote;
        _onDisposed = onDisposed;
    }

    public event EventHandler? Started;

    public event EventHandler? Stopped;

    public event EventHandler? Paused;

    public event EventHandler? Resumed;

    public event EventHandler<DataAvailableEventArgs>? DataAvailable;

    public event EventHandler<RecorderErrorEventArgs>? Error;

    public event EventHandler<RecorderWarningEventArgs>? Warning;

    public string ObjectPath => _remote.Path;

    /// <summary><c>start(timeslice)</c>: 0 means one chunk at stop, otherwise milliseconds (the daemon clamps it up to its minimum).</summary>
    public Task StartAsync(uint timeslice = 0) => CallAsync("Start", GVariant.Tuple(GVariant.UInt32(timeslice)));

    /// <summary><c>stop()</c>; completes once the file is final, after the last DataAvailable and Stopped were raised.</summary>
    public Task StopAsync() => CallAsync("Stop", null, Timeout.InfiniteTimeSpan);

    public Task PauseAsync() => CallAsync("Pause");

    public Task ResumeAsync() => CallAsync("Resume");

    public Task RequestDataAsync() => CallAsync("RequestData");

    public Task AddSourceAsync(string uri) => CallAsync("AddSource", GVariant.Tuple(GVariant.String(uri)));

    public Task RemoveSourceAsync(string uri) => CallAsync("RemoveSource", GVariant.Tuple(GVariant.String(uri)));

    /// <summary>Finalizes any recording, removes the recorder from the daemon and disposes this proxy.</summary>
    public async Task DestroyAsync()
    {
        await CallAsync("Destroy", null, Timeout.InfiniteTimeSpan);
        await DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _onDisposed(this);
        return ValueTask.CompletedTask;
    }

    internal static async Task<MediaRecorder> OpenAsync(DaemonObject remote, Action<MediaRecorder> onDisposed)
    {
        var recorder = new MediaRecorder(remote, onDisposed);
        // Subscribed before GetAll, so that no change made in between is missed (see ApplySnapshot).
        recorder._subscription = await remote.SubscribeAsync(null, null, recorder.OnSignal);
        try
        {
            var all = await remote.GetAllPropertiesAsync(RecorderBus.RecorderInterface);
            await remote.Loop.InvokeAsync(() => recorder.ApplySnapshot(all));
            return recorder;
        }
        catch
        {
            recorder._subscription.Dispose();
            throw;
        }
    }

    private async Task CallAsync(string method, GVariant? parameters = null, TimeSpan? timeout = null)
    {
        using var reply = await _remote.CallAsync(RecorderBus.RecorderInterface, method, parameters, "()", timeout);
    }

    // Signals are applied and raised right here on the loop thread, never re-posted. GDBus runs signal
    // callbacks and method-reply callbacks on that thread in the order the messages came off the wire,
    // and a call's task is completed from its reply callback (continuations then run elsewhere). So when
    // an awaited method returns, every PropertiesChanged and signal sent before its reply has been
    // applied and raised: a property is current after the call that changed it, and StopAsync returns
    // after Stopped.
    private void OnSignal(DBusSignal signal)
    {
        using var parameters = signal.Parameters;
        if (signal is { Interface: RecorderBus.PropertiesInterface, Member: "PropertiesChanged" })
        {
            OnPropertiesChanged(parameters);
        }
        else if (signal.Interface == RecorderBus.RecorderInterface && RecorderSignals.Decode(signal.Member, parameters) is { } arguments)
        {
            Raise(signal.Member, arguments);
        }
    }

    private void Raise(string member, EventArgs arguments)
    {
        switch (member)
        {
            case "Started":
                Started?.Invoke(this, arguments);
                break;
            case "Stopped":
                Stopped?.Invoke(this, arguments);
                break;
            case "Paused":
                Paused?.Invoke(this, arguments);
                break;
            case "Resumed":
                Resumed?.Invoke(this, arguments);
                break;
            case "DataAvailable":
                DataAvailable?.Invoke(this, (DataAvailableEventArgs)arguments);
                break;
            case "Error":
                Error?.Invoke(this, (RecorderErrorEventArgs)arguments);
                break;
            case "Warning":
                Warning?.Invoke(this, (RecorderWarningEventArgs)arguments);
                break;
        }
    }
}
