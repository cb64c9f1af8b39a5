using System.Collections.Concurrent;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>
/// A connection to recorderd: the W3C MediaRecorder constructor, <c>isTypeSupported</c> and
/// <c>enumerateDevices</c>. Pure managed (Tmds.DBus.Protocol): no thread of its own and no native library.
/// </summary>
/// <remarks>
/// <para>Events of this client and of its recorders are raised on the connection's receive loop (a thread-pool
/// thread, with no <see cref="SynchronizationContext"/>), one at a time, in the order the daemon sent them. A
/// handler holds up every later event and reply of the connection, so it must be quick and must never block, nor
/// wait synchronously for a call of this client (its reply would never be read): hand longer work to a Task. What
/// a handler throws goes to <see cref="EventHandlerFailed"/> and does not stop later events.</para>
/// <para>Every call fails with <see cref="RecorderClientException.NoReply"/> when the daemon does not answer
/// within <see cref="CallTimeouts.Default"/> (Stop and Destroy: <see cref="CallTimeouts.Finalize"/>); cancelling
/// its token ends the wait, not the call, which the daemon may still carry out.</para>
/// </remarks>
public sealed partial class RecorderClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<MediaRecorder, byte> _recorders = new();
    private IDisposable[] _subscriptions = [];

    private RecorderClient(ClientConnection bus)
    {
        Bus = bus;
        Manager = new ManagerProxy(bus);
    }

    /// <summary>
    /// An event handler of this client or of one of its recorders threw (the exception is the argument). Without
    /// a handler here, the exception is written to stderr. Raised on the receive loop, like the events.
    /// </summary>
    public event EventHandler<Exception>? EventHandlerFailed;

    internal ClientConnection Bus { get; }

    internal ManagerProxy Manager { get; }

    /// <summary>
    /// Connects to the bus at <paramref name="busAddress"/> when given, otherwise to the session bus
    /// (<c>DBUS_SESSION_BUS_ADDRESS</c>) or, with <paramref name="systemBus"/>, the system bus.
    /// </summary>
    /// <exception cref="RecorderConnectionException">there is no such bus, or it refused the connection</exception>
    public static async Task<RecorderClient> ConnectAsync(
        string? busAddress = null, bool systemBus = false, CancellationToken cancellationToken = default)
    {
        var address = busAddress ?? (systemBus ? DBusAddress.System : DBusAddress.Session)
            ?? throw new RecorderConnectionException("no session bus address (DBUS_SESSION_BUS_ADDRESS is not set)");
        RecorderClient? client = null;
        var bus = await ClientConnection.ConnectAsync(address, failure => client?.OnEventHandlerFailed(failure), cancellationToken);
        client = new RecorderClient(bus);
        try
        {
            await client.SubscribeAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public Task<bool> IsTypeSupportedAsync(string mimeType, CancellationToken cancellationToken = default) =>
        Manager.IsTypeSupportedAsync(mimeType, cancellationToken);

    /// <summary>
    /// <c>navigator.mediaCapabilities.encodingInfo({type: "record"})</c>: whether <paramref name="mimeType"/> can be
    /// recorded with <paramref name="video"/> (null for audio only), and whether that is smooth on the daemon's machine,
    /// which measures it there the first time (so allow a second or two).
    /// </summary>
    public Task<EncodingInfo> EncodingInfoAsync(string mimeType, VideoEncodingConfiguration? video = null, CancellationToken cancellationToken = default) =>
        Manager.EncodingInfoAsync(mimeType, video, cancellationToken);

    /// <summary>The full types (with codecs) the daemon's machine can record.</summary>
    public Task<IReadOnlyList<string>> GetSupportedMimeTypesAsync(CancellationToken cancellationToken = default) =>
        Manager.GetSupportedMimeTypesAsync(cancellationToken);

    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) => Manager.GetVersionAsync(cancellationToken);

    /// <summary>The daemon's configured profiles, for <see cref="MediaRecorderOptions.Profile"/>.</summary>
    public Task<IReadOnlyList<string>> GetProfilesAsync(CancellationToken cancellationToken = default) => Manager.GetProfilesAsync(cancellationToken);

    public Task<IReadOnlyList<MediaDeviceInfo>> EnumerateDevicesAsync(CancellationToken cancellationToken = default) =>
        Manager.EnumerateDevicesAsync(cancellationToken);

    /// <summary>
    /// <c>navigator.mediaDevices.getDisplayMedia()</c>: the desktop asks the user which screens or windows to share (through
    /// xdg-desktop-portal); waits for the answer for up to <see cref="CallTimeouts.UserChoice"/>.
    /// </summary>
    /// <exception cref="RecorderClientException">NotAllowedError when the user did not share; NotSupportedError without a portal</exception>
    public Task<DisplayMedia> GetDisplayMediaAsync(DisplayMediaOptions? options = null, CancellationToken cancellationToken = default) =>
        Manager.GetDisplayMediaAsync(options ?? new DisplayMediaOptions(), cancellationToken);

    /// <summary><c>new MediaRecorder(stream, options)</c>, the stream given as source URIs (<c>test:audio</c>, <c>pipewire:</c>, ...).</summary>
    public async Task<MediaRecorder> CreateRecorderAsync(
        IEnumerable<string> sources, MediaRecorderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = await Manager.CreateRecorderAsync(sources, (options ?? new MediaRecorderOptions()).ToEntries(), cancellationToken);
        return await OpenRecorderAsync(path, cancellationToken);
    }

    /// <summary>A proxy for an existing recorder, e.g. one of <see cref="ListRecordersAsync"/>.</summary>
    public async Task<MediaRecorder> OpenRecorderAsync(string objectPath, CancellationToken cancellationToken = default)
    {
        var recorder = await MediaRecorder.OpenAsync(Bus, objectPath, Forget, cancellationToken);
        _recorders.TryAdd(recorder, 0);
        return recorder;
    }

    /// <summary>The object paths of the daemon's recorders, from any client.</summary>
    public Task<IReadOnlyList<string>> ListRecordersAsync(CancellationToken cancellationToken = default) =>
        Manager.GetRecorderPathsAsync(cancellationToken);

    /// <summary>
    /// Subscribes to the events of every recorder of the daemon, those created later included, until the
    /// result is disposed; <paramref name="onSignal"/> runs on the receive loop, like the events. Unlike proxies
    /// opened after a <see cref="RecorderAdded"/>, this misses nothing a new recorder sends right after it appears.
    /// </summary>
    public Task<IDisposable> WatchRecordersAsync(Action<RecorderSignalEventArgs> onSignal, CancellationToken cancellationToken = default) =>
        Bus.WatchAsync(RecorderSignals.Rule(null), RecorderSignals.Read, onSignal, cancellationToken);

    /// <summary>Disposes the recorder proxies still open (the recorders stay), then the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var recorder in _recorders.Keys)
        {
            await recorder.DisposeAsync();
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        Bus.Dispose();
    }

    private void Forget(MediaRecorder recorder) => _recorders.TryRemove(recorder, out _);

    private void OnEventHandlerFailed(Exception failure)
    {
        try
        {
            if (EventHandlerFailed is { } handlers)
            {
                handlers(this, failure);
                return;
            }
        }
        catch (Exception handlerFailure)
        {
            failure = new AggregateException(failure, handlerFailure);
        }

        Console.Error.WriteLine($"recorderd client: an event handler failed: {failure}");
    }
}
