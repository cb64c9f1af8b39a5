using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

public sealed partial class RecorderClient
{
    /// <summary>A capture device appeared or vanished.</summary>
    public event EventHandler? DevicesChanged;

    /// <summary>
    /// recorderd came onto the bus (true: started or activated) or left it (false: exited, taking its recorders
    /// with it).
    /// </summary>
    public event EventHandler<bool>? DaemonRunningChanged;

    /// <summary>A recorder object appeared on the daemon, created by any client.</summary>
    public event EventHandler<RecorderPathEventArgs>? RecorderAdded;

    /// <summary>A recorder object was destroyed.</summary>
    public event EventHandler<RecorderPathEventArgs>? RecorderRemoved;

    private static MatchRule ManagerRule(string iface, string member) => new()
    {
        Type = MessageType.Signal,
        Sender = RecorderBus.Name,
        Path = RecorderBus.ManagerPath,
        Interface = iface,
        Member = member,
    };

    // The daemon's own announcement that its name changed owner; an empty new owner means the name was released.
    private static MatchRule DaemonOwnerRule => new()
    {
        Type = MessageType.Signal,
        Sender = "org.freedesktop.DBus",
        Path = "/org/freedesktop/DBus",
        Interface = "org.freedesktop.DBus",
        Member = "NameOwnerChanged",
        Arg0 = RecorderBus.Name,
    };

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<IDisposable>();
        try
        {
            subscriptions.Add(await Bus.WatchAsync(
                ManagerRule(RecorderBus.ManagerInterface, "DevicesChanged"), _ => EventArgs.Empty,
                _ => DevicesChanged?.Invoke(this, EventArgs.Empty), cancellationToken));
            subscriptions.Add(await Bus.WatchAsync(
                ManagerRule(RecorderBus.ObjectManagerInterface, "InterfacesAdded"), ReadAddedRecorder,
                added => RecorderAdded?.Invoke(this, added), cancellationToken));
            subscriptions.Add(await Bus.WatchAsync(
                ManagerRule(RecorderBus.ObjectManagerInterface, "InterfacesRemoved"), ReadRemovedRecorder,
                removed => RecorderRemoved?.Invoke(this, removed), cancellationToken));
            subscriptions.Add(await Bus.WatchAsync(
                DaemonOwnerRule, ReadNewOwner, owner => DaemonRunningChanged?.Invoke(this, owner.Length > 0), cancellationToken));
        }
        finally
        {
            _subscriptions = [.. subscriptions];
        }
    }

    // InterfacesAdded (o, a{sa{sv}}); other objects than recorders are not ours to report.
    private static RecorderPathEventArgs? ReadAddedRecorder(Message message)
    {
        var reader = message.GetBodyReader();
        var path = reader.ReadObjectPathAsString();
        return ManagerProxy.ReadHasRecorderInterface(ref reader) ? new RecorderPathEventArgs(path) : null;
    }

    // InterfacesRemoved (o, as).
    private static RecorderPathEventArgs? ReadRemovedRecorder(Message message)
    {
        var reader = message.GetBodyReader();
        var path = reader.ReadObjectPathAsString();
        return reader.ReadArrayOfString().Contains(RecorderBus.RecorderInterface) ? new RecorderPathEventArgs(path) : null;
    }

    // NameOwnerChanged (name, old owner, new owner).
    private static string ReadNewOwner(Message message)
    {
        var reader = message.GetBodyReader();
        reader.ReadString();
        reader.ReadString();
        return reader.ReadString();
    }
}
