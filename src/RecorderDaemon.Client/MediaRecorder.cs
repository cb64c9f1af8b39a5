using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>
/// A proxy for one recorder object (<c>/io/github/recorderd/recorder/N</c>), mirroring the W3C MediaRecorder.
/// Its properties are kept current from <c>PropertiesChanged</c>; its events are raised as
/// <see cref="RecorderClient"/> describes (on the connection's receive loop: handlers must not block).
/// Disposing stops listening; the recorder itself stays.
/// </summary>
public sealed partial class MediaRecorder : IAsyncDisposable
{
    private readonly ClientConnection _bus;
    private readonly Action<MediaRecorder> _onDisposed;
    private IDisposable? _signals;
    private IDisposable? _propertyChanges;

    private MediaRecorder(ClientConnection bus, string objectPath, Action<MediaRecorder> onDisposed)
    {
        _bus = bus;
        ObjectPath = objectPath;
        _onDisposed = onDisposed;
    }

    public event EventHandler? Started;

    public event EventHandler? Stopped;

    public event EventHandler? Paused;

    public event EventHandler? Resumed;

    public event EventHandler<DataAvailableEventArgs>? DataAvailable;

    public event EventHandler<RecorderErrorEventArgs>? Error;

    public event EventHandler<RecorderWarningEventArgs>? Warning;

    /// <summary>A split recording continues in a new file, which <see cref="Location"/> names already.</summary>
    public event EventHandler<FileChangedEventArgs>? FileChanged;

    public event EventHandler<ReplaySavedEventArgs>? ReplaySaved;

    /// <summary>The audio's loudness, every <see cref="MediaRecorderOptions.LevelInterval"/> while recording or paused.</summary>
    public event EventHandler<AudioLevelsEventArgs>? AudioLevels;

    public string ObjectPath { get; }

    /// <summary><c>start(timeslice)</c>: 0 means one chunk at stop, otherwise milliseconds (the daemon clamps it up to its minimum).</summary>
    public Task StartAsync(uint timeslice = 0, CancellationToken cancellationToken = default)
    {
        using var writer = StartCall("Start", "u");
        writer.WriteUInt32(timeslice);
        return CallAsync(writer.CreateMessage(), cancellationToken);
    }

    /// <summary>
    /// <c>stop()</c>; completes once the file is final, after the last DataAvailable and Stopped were raised, or
    /// fails with <see cref="RecorderClientException.NoReply"/> after <see cref="CallTimeouts.Finalize"/>.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => CallAsync("Stop", cancellationToken, CallTimeouts.Finalize);

    public Task PauseAsync(CancellationToken cancellationToken = default) => CallAsync("Pause", cancellationToken);

    public Task ResumeAsync(CancellationToken cancellationToken = default) => CallAsync("Resume", cancellationToken);

    public Task RequestDataAsync(CancellationToken cancellationToken = default) => CallAsync("RequestData", cancellationToken);

    /// <summary>Continues the recording in a new file at the next key frame (a recorder made with a file limit or <see cref="MediaRecorderOptions.Splittable"/>).</summary>
    public Task SplitAsync(CancellationToken cancellationToken = default) => CallAsync("Split", cancellationToken);

    /// <summary>
    /// Saves what the replay buffer holds into a final file at <paramref name="location"/> (null: the daemon's default directory);
    /// completes with its path once the file is final, after <see cref="ReplaySaved"/>.
    /// </summary>
    public Task<string> SaveReplayAsync(string? location = null, CancellationToken cancellationToken = default)
    {
        using var writer = StartCall("SaveReplay", "s");
        writer.WriteString(location ?? "");
        return _bus.CallAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadString(), cancellationToken, CallTimeouts.Finalize);
    }

    public Task AddSourceAsync(string uri, CancellationToken cancellationToken = default) => CallAsync("AddSource", uri, cancellationToken);

    public Task RemoveSourceAsync(string uri, CancellationToken cancellationToken = default) => CallAsync("RemoveSource", uri, cancellationToken);

    /// <summary>Finalizes any recording (waiting up to <see cref="CallTimeouts.Finalize"/>), removes the recorder from the daemon and disposes this proxy.</summary>
    public async Task DestroyAsync(CancellationToken cancellationToken = default)
    {
        await CallAsync("Destroy", cancellationToken, CallTimeouts.Finalize);
        await DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        StopListening();
        _onDisposed(this);
        return ValueTask.CompletedTask;
    }

    internal static async Task<MediaRecorder> OpenAsync(
        ClientConnection bus, string objectPath, Action<MediaRecorder> onDisposed, CancellationToken cancellationToken)
    {
        var recorder = new MediaRecorder(bus, objectPath, onDisposed);
        try
        {
            // Subscribed before GetAll, so that no change made in between is missed (see ApplySnapshot).
            recorder._signals = await bus.WatchAsync(RecorderSignals.Rule(objectPath), RecorderSignals.Read, recorder.Raise, cancellationToken);
            recorder._propertyChanges = await bus.WatchAsync(
                PropertiesChangedRule(objectPath), ReadChangedProperties, recorder.OnPropertiesChanged, cancellationToken);
            recorder.ApplySnapshot(await bus.GetAllPropertiesAsync(objectPath, RecorderBus.RecorderInterface, cancellationToken));
            return recorder;
        }
        catch
        {
            recorder.StopListening();
            throw;
        }
    }

    private MessageWriter StartCall(string method, string? signature = null) =>
        _bus.StartCall(ObjectPath, RecorderBus.RecorderInterface, method, signature);

    private Task CallAsync(string method, string argument, CancellationToken cancellationToken)
    {
        using var writer = StartCall(method, "s");
        writer.WriteString(argument);
        return CallAsync(writer.CreateMessage(), cancellationToken);
    }

    private Task CallAsync(string method, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var writer = StartCall(method);
        return CallAsync(writer.CreateMessage(), cancellationToken, timeout);
    }

    private Task CallAsync(MessageBuffer call, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        _bus.CallAsync(call, static (_, _) => true, cancellationToken, timeout);

    private void StopListening()
    {
        _signals?.Dispose();
        _propertyChanges?.Dispose();
    }

    // Signals are applied and raised right on the receive loop, never re-posted. Tmds dispatches signals there in the
    // order the messages came off the wire and completes a call from its reply after every signal before it. So
    // when an awaited method returns, every PropertiesChanged and signal sent before its reply has been applied and
    // raised: a property is current after the call that changed it, and StopAsync returns after Stopped.
    private void Raise(RecorderSignalEventArgs signal)
    {
        switch (signal.Name)
        {
            case "Started":
                Started?.Invoke(this, signal.Arguments);
                break;
            case "Stopped":
                Stopped?.Invoke(this, signal.Arguments);
                break;
            case "Paused":
                Paused?.Invoke(this, signal.Arguments);
                break;
            case "Resumed":
                Resumed?.Invoke(this, signal.Arguments);
                break;
            case "DataAvailable":
                DataAvailable?.Invoke(this, (DataAvailableEventArgs)signal.Arguments);
                break;
            case "Error":
                Error?.Invoke(this, (RecorderErrorEventArgs)signal.Arguments);
                break;
            case "Warning":
                Warning?.Invoke(this, (RecorderWarningEventArgs)signal.Arguments);
                break;
            case "FileChanged":
                FileChanged?.Invoke(this, (FileChangedEventArgs)signal.Arguments);
                break;
            case "ReplaySaved":
                ReplaySaved?.Invoke(this, (ReplaySavedEventArgs)signal.Arguments);
                break;
            case "AudioLevels":
                AudioLevels?.Invoke(this, (AudioLevelsEventArgs)signal.Arguments);
                break;
        }
    }
}
