using System.Collections.Concurrent;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>A <c>Notify</c> call as the notification server received it.</summary>
public sealed record Notification(uint Id, string Application, string Summary, string Body, IReadOnlyList<string> Actions);

/// <summary>
/// The desktop's side of what recorderd asks of it, on a test connection that owns the names: a notification server
/// (<c>org.freedesktop.Notifications</c>), a file manager (<c>org.freedesktop.FileManager1</c>), the portal's OpenURI and a
/// panel's StatusNotifierWatcher. It keeps what it was asked and answers at once, on the connection's receive loop.
/// </summary>
public sealed class FakeDesktop : IDisposable
{
    public const string NotificationsPath = "/org/freedesktop/Notifications";
    public const string NotificationsInterface = "org.freedesktop.Notifications";

    private readonly BusClient _connection;
    private readonly ConcurrentQueue<Notification> _notifications = new();
    private readonly ConcurrentQueue<string> _shown = new();
    private readonly ConcurrentQueue<string> _opened = new();
    private readonly ConcurrentQueue<string> _registered = new();
    private int _lastId;

    private FakeDesktop(BusClient connection) => _connection = connection;

    public IReadOnlyList<Notification> Notifications => [.. _notifications];

    /// <summary>The URIs the file manager was asked to show.</summary>
    public IReadOnlyList<string> Shown => [.. _shown];

    /// <summary>The URIs the portal was asked to open.</summary>
    public IReadOnlyList<string> Opened => [.. _opened];

    /// <summary>The services registered as StatusNotifierItems.</summary>
    public IReadOnlyList<string> Registered => [.. _registered];

    /// <summary>The connection, to call the items it was given.</summary>
    public BusClient Connection => _connection;

    public static async Task<FakeDesktop> StartAsync(DaemonProcess daemon)
    {
        var desktop = new FakeDesktop(daemon.Connect());
        await desktop._connection.ServeAsync(new Handler(NotificationsPath, NotificationsInterface, "Notify", desktop.Notify), NotificationsInterface);
        await desktop._connection.ServeAsync(
            new Handler("/org/freedesktop/FileManager1", "org.freedesktop.FileManager1", "ShowItems", desktop.ShowItems), "org.freedesktop.FileManager1");
        await desktop._connection.ServeAsync(
            new Handler("/org/freedesktop/portal/desktop", "org.freedesktop.portal.OpenURI", "OpenURI", desktop.OpenUri), "org.freedesktop.portal.Desktop");
        await desktop._connection.ServeAsync(
            new Handler("/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher", "RegisterStatusNotifierItem", desktop.RegisterItem), "org.kde.StatusNotifierWatcher");
        return desktop;
    }

    /// <summary>The user picks <paramref name="action"/> in notification <paramref name="id"/>.</summary>
    public void Invoke(uint id, string action) => _connection.EmitSignal(NotificationsPath, NotificationsInterface, "ActionInvoked", [id, action]);

    public void Dispose() => _connection.Dispose();

    private void Notify(MethodContext context)
    {
        var reader = context.Request.GetBodyReader();
        var application = reader.ReadString();
        reader.ReadUInt32();
        reader.ReadString();
        var (summary, body, actions) = (reader.ReadString(), reader.ReadString(), reader.ReadArrayOfString());
        var id = (uint)Interlocked.Increment(ref _lastId);
        _notifications.Enqueue(new Notification(id, application, summary, body, actions));
        using var writer = context.CreateReplyWriter("u");
        writer.WriteUInt32(id);
        context.Reply(writer.CreateMessage());
    }

    private void ShowItems(MethodContext context)
    {
        foreach (var uri in context.Request.GetBodyReader().ReadArrayOfString())
        {
            _shown.Enqueue(uri);
        }

        using var writer = context.CreateReplyWriter(null);
        context.Reply(writer.CreateMessage());
    }

    private void OpenUri(MethodContext context)
    {
        var reader = context.Request.GetBodyReader();
        reader.ReadString();
        _opened.Enqueue(reader.ReadString());
        using var writer = context.CreateReplyWriter("o");
        writer.WriteObjectPath("/org/freedesktop/portal/desktop/request/1_1/t");
        context.Reply(writer.CreateMessage());
    }

    private void RegisterItem(MethodContext context)
    {
        _registered.Enqueue(context.Request.GetBodyReader().ReadString());
        using var writer = context.CreateReplyWriter(null);
        context.Reply(writer.CreateMessage());
    }

    /// <summary>One object with one method; anything else is UnknownMethod.</summary>
    private sealed class Handler(string path, string iface, string member, Action<MethodContext> handle) : IPathMethodHandler
    {
        public string Path => path;

        public bool HandlesChildPaths => false;

        public ValueTask HandleMethodAsync(MethodContext context)
        {
            if (context.Request.InterfaceAsString == iface && context.Request.MemberAsString == member)
            {
                handle(context);
            }
            else
            {
                context.ReplyUnknownMethodError();
            }

            return ValueTask.CompletedTask;
        }
    }
}
