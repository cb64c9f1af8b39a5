using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// A private <c>GDBusConnection</c> to a message bus. GDBus is thread-safe for sending (emit, reply,
/// call); whatever takes callbacks (name ownership, objects, signal subscriptions, calls) attaches them
/// to the thread-default main context of the thread that sets it up, so that is done on the
/// <see cref="GLibLoop"/> thread. The connection itself is constructed there too: it emits "closed"
/// (which GDBus name ownership relies on to report a lost name) in its constructing thread's context.
/// </summary>
public sealed partial class DBusConnection : IDisposable
{
    private DBusConnection(GObjectHandle handle) => Handle = handle;

    internal GObjectHandle Handle { get; }

    /// <summary>The unique name the bus gave this connection, e.g. <c>:1.42</c>.</summary>
    public unsafe string UniqueName => Utf8.FromNative(Interop.Gio.g_dbus_connection_get_unique_name(Handle)) ?? "";

    public bool IsClosed => Interop.Gio.g_dbus_connection_is_closed(Handle);

    /// <summary>
    /// Connects to the message bus at <paramref name="address"/>, blocking the caller (never the loop
    /// thread) until authenticated and named.
    /// </summary>
    public static DBusConnection ForAddress(GLibLoop loop, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (loop.IsLoopThread)
        {
            throw new InvalidOperationException("DBusConnection.ForAddress blocks and must not run on the GLib loop thread");
        }

        var completion = new TaskCompletionSource<DBusConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(() => StartConnect(address, completion));
        return completion.Task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// A private connection to the session or system bus (not GLib's shared singleton, which would also
    /// SIGTERM the process when the bus goes away; here the owner of the bus name sees it as lost).
    /// </summary>
    public static unsafe DBusConnection ForBus(GLibLoop loop, bool system)
    {
        Interop.GLib.GError* error = null;
        var address = Utf8.TakeOwned(Interop.Gio.g_dbus_address_get_for_bus_sync(
            system ? Interop.Gio.G_BUS_TYPE_SYSTEM : Interop.Gio.G_BUS_TYPE_SESSION, 0, &error));
        return ForAddress(loop, address ?? throw DBusErrorException.FromGError(error));
    }

    /// <summary>Flushes and closes the connection (blocking); closing a closed connection does nothing.</summary>
    public unsafe void Close()
    {
        if (IsClosed)
        {
            return;
        }

        Interop.GLib.GError* error = null;
        if (!Interop.Gio.g_dbus_connection_close_sync(Handle, 0, &error) && !IsClosed)
        {
            throw DBusErrorException.FromGError(error);
        }

        if (error != null)
        {
            Interop.GLib.g_error_free(error);
        }
    }

    /// <summary>Closes the connection (blocking) and drops the reference.</summary>
    public void Dispose()
    {
        if (Handle.IsClosed)
        {
            return;
        }

        try
        {
            Close();
        }
        finally
        {
            Handle.Dispose();
        }
    }

    /// <summary>
    /// Emits a signal; thread-safe. <paramref name="parameters"/> is a tuple or null for none. On a closed connection,
    /// which no one can receive from, nothing is sent.
    /// </summary>
    public unsafe void EmitSignal(string? destination, string path, string iface, string name, GVariant? parameters)
    {
        if (destination is not null)
        {
            DBusNames.BusName(destination, nameof(destination));
        }

        DBusNames.ObjectPath(path, nameof(path));
        DBusNames.InterfaceName(iface, nameof(iface));
        DBusNames.MemberName(name, nameof(name));
        var body = DBusNames.Tuple(parameters, nameof(parameters));
        Interop.GLib.GError* error = null;
        if (!Interop.Gio.g_dbus_connection_emit_signal(Handle, destination, path, iface, name, body.Handle, &error))
        {
            var failure = DBusErrorException.FromGError(error);
            if (!IsClosed)
            {
                throw failure;
            }
        }
    }

    /// <summary>
    /// Owns <paramref name="name"/> on the bus. Completes once the bus says the name is ours; faults
    /// (and gives the name up) if it is owned by another connection or the connection closes first.
    /// </summary>
    public Task<DBusNameOwnership> OwnNameAsync(GLibLoop loop, string name) => DBusNameOwnership.OwnAsync(this, loop, name);

    /// <summary>
    /// Exports <paramref name="handler"/> at <paramref name="path"/> as <paramref name="iface"/>. Must run on
    /// the loop thread: the calls come to the context current when registering.
    /// </summary>
    /// <exception cref="GLibException">An object already implements that interface at that path.</exception>
    public DBusObjectRegistration RegisterObject(string path, DBusInterfaceInfo iface, IDBusObject handler) =>
        DBusObjectRegistration.Register(this, path, iface, handler);

    private static unsafe void StartConnect(string address, TaskCompletionSource<DBusConnection> completion)
    {
        var state = GCHandle.Alloc(completion);
        try
        {
            Interop.Gio.g_dbus_connection_new_for_address(
                address,
                Interop.Gio.G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | Interop.Gio.G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                observer: 0,
                cancellable: 0,
                &OnConnected,
                GCHandle.ToIntPtr(state));
        }
        catch (Exception exception)
        {
            state.Free();
            completion.TrySetException(exception);
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnConnected(nint source, nint result, nint state)
    {
        TaskCompletionSource<DBusConnection>? completion = null;
        try
        {
            var handle = GCHandle.FromIntPtr(state);
            completion = (TaskCompletionSource<DBusConnection>)handle.Target!;
            handle.Free();
            Interop.GLib.GError* error = null;
            var connection = Interop.Gio.g_dbus_connection_new_for_address_finish(result, &error);
            if (connection == 0)
            {
                completion.TrySetException(DBusErrorException.FromGError(error));
            }
            else
            {
                completion.TrySetResult(new DBusConnection(GObjectHandle.TakeFull(connection)));
            }
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            completion?.TrySetException(exception);
        }
    }

    /// <summary>Fails unless the calling thread has pushed a main context (the loop thread does).</summary>
    internal static void RequireThreadDefaultContext(string operation)
    {
        if (Interop.GLib.g_main_context_get_thread_default() == 0)
        {
            throw new InvalidOperationException(
                $"{operation} must run on the GLib loop thread: GDBus delivers its callbacks to the calling thread's main context");
        }
    }
}
