using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus.Desktop;

/// <summary>
/// Tells the user when a recording ends, through the desktop's notification server (<c>org.freedesktop.Notifications</c>):
/// the file, with the actions "Open" (the desktop's handler, through the portal's <c>OpenURI</c>) and "Show in folder" (the
/// file manager, <c>org.freedesktop.FileManager1</c>), or the error. A missing notification server is logged once and is
/// never an error of the recording.
/// </summary>
public sealed class RecordingNotifications(BusConnection connection, ILogger<RecordingNotifications> logger) : IDisposable
{
    private const string Service = "org.freedesktop.Notifications";
    private const string ServicePath = "/org/freedesktop/Notifications";
    private const string OpenAction = "open";
    private const string ShowAction = "show";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<uint, string> _files = new();
    private IDisposable? _actions;
    private int _serverMissing;

    /// <summary>Listens for the actions the user picks in a notification.</summary>
    public async Task StartAsync() => _actions = await connection.WatchAsync(
        new MatchRule { Type = MessageType.Signal, Path = ServicePath, Interface = Service, Member = "ActionInvoked" },
        static (message, _) =>
        {
            var reader = message.GetBodyReader();
            return new InvokedAction(reader.ReadUInt32(), reader.ReadString());
        },
        OnAction);

    /// <summary>Notifies the end of each recording of <paramref name="recorder"/> (unless its option <c>notify</c> is false); on the loop thread.</summary>
    public void Follow(MediaRecorder recorder)
    {
        if (!recorder.Options.Notify)
        {
            return;
        }

        RecorderError? error = null;
        recorder.Started += () => error = null;
        recorder.Error += failure => error = failure;
        recorder.Stopped += () => _ = NotifyAsync(recorder.Location, error);
    }

    public void Dispose() => _actions?.Dispose();

    private async Task NotifyAsync(string file, RecorderError? error)
    {
        var saved = file.Length > 0 && File.Exists(file);
        if (!saved && error is null)
        {
            return; // a replay buffer ended, or a recording into an outputFd: no file of ours to show
        }

        var summary = error is null ? "Recording saved" : "Recording failed";
        var body = (saved ? file : "") + (error is null ? "" : $"{(saved ? "\n" : "")}{error.Name.Spelled()}: {error.Message}");
        string[] actions = saved ? [OpenAction, "Open", ShowAction, "Show in folder"] : [];
        try
        {
            var id = await connection.CallAsync(Service, ServicePath, Service, "Notify", BusBody.Notification("recorderd", summary, body, actions),
                static (message, _) => message.GetBodyReader().ReadUInt32(), CallTimeout);
            if (saved)
            {
                _files[id] = file;
            }
        }
        catch (Exception exception) when (exception is DBusErrorReplyException or TimeoutException)
        {
            if (Interlocked.Exchange(ref _serverMissing, 1) == 0)
            {
                logger.LogWarning("Not notifying the ends of recordings: no notification server answered ({Reason}); this is logged once", exception.Message);
            }
        }
    }

    private void OnAction(InvokedAction invoked)
    {
        if (_files.TryGetValue(invoked.Id, out var file))
        {
            _ = invoked.Key switch
            {
                OpenAction => RunAsync("open", file, () => connection.CallAsync(
                    "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.portal.OpenURI", "OpenURI",
                    BusBody.OpenUri(new Uri(file).AbsoluteUri), static (_, _) => true, CallTimeout)),
                ShowAction => RunAsync("show", file, () => connection.CallAsync(
                    "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1", "ShowItems",
                    BusBody.ShowItems(new Uri(file).AbsoluteUri), static (_, _) => true, CallTimeout)),
                _ => Task.CompletedTask,
            };
        }
    }

    private async Task RunAsync(string action, string file, Func<Task<bool>> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception is DBusErrorReplyException or TimeoutException)
        {
            logger.LogWarning("Could not {Action} {File} for the user: {Reason}", action, file, exception.Message);
        }
    }

    private sealed record InvokedAction(uint Id, string Key);
}
