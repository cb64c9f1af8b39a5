using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>A received D-Bus signal; <see cref="Parameters"/> is its argument tuple.</summary>
public sealed record DBusSignal(string Sender, string Path, string Interface, string Member, GVariant Parameters);

/// <summary>
/// A <c>g_dbus_connection_signal_subscribe</c> match. The handler runs on the loop thread and must be
/// quick. Dispose unsubscribes (thread-safe); GDBus frees the handler on the loop thread afterwards.
/// </summary>
public sealed unsafe class DBusSignalSubscription : IDisposable
{
    private readonly DBusConnection _connection;
    private uint _id;

    private DBusSignalSubscription(DBusConnection connection, uint id)
    {
        _connection = connection;
        _id = id;
    }

    /// <summary>Null filters match anything. Must run on the loop thread.</summary>
    internal static DBusSignalSubscription Subscribe(
        DBusConnection connection, string? sender, string? iface, string? member, string? path, Action<DBusSignal> onSignal)
    {
        if (sender is not null)
        {
            DBusNames.BusName(sender, nameof(sender));
        }

        if (iface is not null)
        {
            DBusNames.InterfaceName(iface, nameof(iface));
        }

        if (member is not null)
        {
            DBusNames.MemberName(member, nameof(member));
        }

        if (path is not null)
        {
            DBusNames.ObjectPath(path, nameof(path));
        }

        ArgumentNullException.ThrowIfNull(onSignal);
        DBusConnection.RequireThreadDefaultContext(nameof(DBusConnection.SubscribeSignal));
        var id = Interop.Gio.g_dbus_connection_signal_subscribe(
            connection.Handle,
            sender,
            iface,
            member,
            path,
            arg0: null,
            Interop.Gio.G_DBUS_SIGNAL_FLAGS_NONE,
            &OnSignal,
            GCHandle.ToIntPtr(GCHandle.Alloc(onSignal)),
            &GLibSource.FreeState);
        return new DBusSignalSubscription(connection, id);
    }

    public void Dispose()
    {
        var id = Interlocked.Exchange(ref _id, 0);
        if (id != 0)
        {
            Interop.Gio.g_dbus_connection_signal_unsubscribe(_connection.Handle, id);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnSignal(nint connection, byte* sender, byte* path, byte* iface, byte* member, nint parameters, nint state)
    {
        try
        {
            var onSignal = (Action<DBusSignal>)GCHandle.FromIntPtr(state).Target!;
            onSignal(new DBusSignal(
                Utf8.FromNative(sender) ?? "",
                Utf8.FromNative(path)!,
                Utf8.FromNative(iface)!,
                Utf8.FromNative(member)!,
                GVariant.AddRef(parameters)));
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }
    }
}
