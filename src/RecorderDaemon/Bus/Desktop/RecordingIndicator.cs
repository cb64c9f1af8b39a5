using System.ComponentModel;
using Microsoft.Extensions.Logging;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus.Desktop;

/// <summary>
/// A recording indicator in the desktop's panel while any recording runs: a StatusNotifierItem (the protocol of KDE Plasma's
/// and GNOME's AppIndicator panels) whose title and tooltip name the recordings and their running time; activating it
/// stops them all. It appears when the first recording starts, by owning <c>org.kde.StatusNotifierItem-PID-1</c> and
/// registering with <c>org.kde.StatusNotifierWatcher</c>, and goes when the last one ends, by releasing the name, which
/// the watcher follows. A watcher that starts later (a panel restarted) is registered with too. Lives on the loop thread;
/// a missing watcher is logged once.
/// </summary>
public sealed class RecordingIndicator(GLibLoop loop, BusConnection connection, BusObjectTree objects, ILogger<RecordingIndicator> logger)
    : IBusInterface, IDisposable
{
    public const string ItemPath = "/StatusNotifierItem";
    private const string Watcher = "org.kde.StatusNotifierWatcher";
    private const string ItemInterface = "org.kde.StatusNotifierItem";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly string _name = $"{ItemInterface}-{Environment.ProcessId}-1";
    private readonly List<MediaRecorder> _recording = [];
    private Task _shown = Task.CompletedTask;
    private GLibSource? _clock;
    private IDisposable? _watcherStarts;
    private bool _watcherMissing;

    public InterfaceDescription Description { get; } = InterfaceDescription.Parse(BusInterfaces.ReadXml(ItemInterface))[ItemInterface];

    /// <summary>Watches for a watcher coming onto the bus, to register with it while recordings run.</summary>
    public async Task StartAsync() => _watcherStarts = await connection.WatchNameOwnersAsync(
        change => change.Name == Watcher && change.NewOwner.Length > 0,
        _ => loop.Post(() =>
        {
            if (_recording.Count > 0)
            {
                _shown = _shown.ContinueWith(_ => RegisterAsync(), TaskScheduler.Default).Unwrap();
            }
        }));

    public void Dispose()
    {
        _watcherStarts?.Dispose();
        _clock?.Dispose();
    }

    /// <summary>Follows <paramref name="recorder"/>'s state until it is destroyed; on the loop thread.</summary>
    public void Follow(MediaRecorder recorder) => recorder.PropertyChanged += (_, change) => OnStateChanged(recorder, change);

    public void HandleMethodCall(BusCall call)
    {
        if (call.Member == "Activate")
        {
            foreach (var recorder in _recording.ToList())
            {
                _ = recorder.Stop();
            }
        }

        call.Reply();
    }

    public VariantValue GetProperty(string name) => name switch
    {
        "Category" => "ApplicationStatus",
        "Id" => "recorderd",
        "Title" => Title,
        "Status" => "Active",
        "IconName" => "media-record",
        "ToolTip" => new Struct<string, Array<Struct<int, int, Array<byte>>>, string, string>("media-record", [], Title, ToolTipText),
        "ItemIsMenu" => false,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private string Title => _recording.Count == 1 ? "Recording" : $"{_recording.Count} recordings";

    /// <summary>Each recording's file (or its sources, for a replay buffer) and running time, a line each; activating stops them.</summary>
    private string ToolTipText =>
        string.Join('\n', _recording.Select(recorder =>
            $"{(recorder.Location.Length > 0 ? Path.GetFileName(recorder.Location) : string.Join(", ", recorder.Sources))}: {recorder.Duration:h\\:mm\\:ss}"))
        + "\nClick to stop recording";

    private void OnStateChanged(MediaRecorder recorder, PropertyChangedEventArgs change)
    {
        if (change.PropertyName != nameof(MediaRecorder.State))
        {
            return;
        }

        var wasShown = _recording.Count > 0;
        _recording.Remove(recorder);
        if (recorder.State != RecordingState.Inactive)
        {
            _recording.Add(recorder);
        }

        var show = _recording.Count > 0;
        if (show != wasShown)
        {
            // The tooltip's running times change every second; a panel reads it again on NewToolTip.
            _clock?.Dispose();
            _clock = show ? loop.AddTimeout(TimeSpan.FromSeconds(1), () =>
            {
                connection.EmitSignal(ItemPath, ItemInterface, "NewToolTip");
                return true;
            }) : null;

            // One change at a time, in order: a quick start and stop must not release the name before it was owned.
            _shown = _shown.ContinueWith(_ => show ? ShowAsync() : HideAsync(), TaskScheduler.Default).Unwrap();
        }
        else if (show)
        {
            connection.EmitSignal(ItemPath, ItemInterface, "NewTitle");
            connection.EmitSignal(ItemPath, ItemInterface, "NewToolTip");
        }
    }

    private async Task ShowAsync()
    {
        await loop.InvokeAsync(() => objects.Add(ItemPath, this));
        try
        {
            await connection.OwnNameAsync(_name);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogWarning("No recording indicator in the panel: {Reason}", exception.Message);
            return;
        }

        await RegisterAsync();
    }

    private async Task RegisterAsync()
    {
        try
        {
            await connection.CallAsync(Watcher, "/StatusNotifierWatcher", Watcher, "RegisterStatusNotifierItem", BusBody.String(_name),
                static (_, _) => true, CallTimeout);
        }
        catch (Exception exception) when (exception is DBusErrorReplyException or TimeoutException)
        {
            if (!_watcherMissing)
            {
                _watcherMissing = true;
                logger.LogWarning("No recording indicator in the panel: {Reason}; this is logged once", exception.Message);
            }
        }
    }

    private async Task HideAsync()
    {
        try
        {
            await connection.ReleaseNameAsync(_name);
        }
        catch (DBusErrorReplyException exception)
        {
            logger.LogWarning("Could not remove the recording indicator: {Reason}", exception.Message);
        }
        finally
        {
            await loop.InvokeAsync(() => objects.Remove(ItemPath));
        }
    }
}
