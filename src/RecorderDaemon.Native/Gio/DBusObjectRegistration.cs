using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// An object exported with <c>g_dbus_connection_register_object</c>. Dispose unregisters it (GDBus
/// allows that from any thread); GDBus then frees the handler's GCHandle on the loop thread.
/// </summary>
public sealed unsafe class DBusObjectRegistration : IDisposable
{
    // One vtable for every registration: GDBus copies it (since 2.38), and the same static callbacks
    // serve all objects, so it is allocated once and lives as long as the process.
    private static readonly Interop.Gio.GDBusInterfaceVTable* VTable = CreateVTable();

    private readonly DBusConnection _connection;
    private uint _id;

    private DBusObjectRegistration(DBusConnection connection, uint id, string path)
    {
        _connection = connection;
        _id = id;
        Path = path;
    }

    public string Path { get; }

    internal static DBusObjectRegistration Register(DBusConnection connection, string path, DBusInterfaceInfo iface, IDBusObject handler)
    {
        DBusNames.ObjectPath(path, nameof(path));
        ArgumentNullException.ThrowIfNull(handler);
        DBusConnection.RequireThreadDefaultContext(nameof(DBusConnection.RegisterObject));
        var state = new Exported(handler, iface);
        var stateHandle = GCHandle.Alloc(state);
        Interop.GLib.GError* error = null;
        var id = Interop.Gio.g_dbus_connection_register_object(
            connection.Handle, path, iface.Handle, VTable, GCHandle.ToIntPtr(stateHandle), &FreeExported, &error);
        if (id == 0)
        {
            // GLib before 2.80.1 leaks user_data on failure; later versions free it before returning.
            if (!state.Freed)
            {
                stateHandle.Free();
            }

            throw DBusErrorException.FromGError(error);
        }

        return new DBusObjectRegistration(connection, id, path);
    }

    public void Dispose()
    {
        var id = Interlocked.Exchange(ref _id, 0);
        if (id != 0)
        {
            Interop.Gio.g_dbus_connection_unregister_object(_connection.Handle, id);
        }
    }

    private static Interop.Gio.GDBusInterfaceVTable* CreateVTable()
    {
        var vtable = (Interop.Gio.GDBusInterfaceVTable*)NativeMemory.AllocZeroed((nuint)sizeof(Interop.Gio.GDBusInterfaceVTable));
        vtable->MethodCall = &OnMethodCall;
        vtable->GetProperty = &OnGetProperty;
        vtable->SetProperty = &OnSetProperty;
        return vtable;
    }

    [UnmanagedCallersOnly]
    private static void OnMethodCall(nint connection, byte* sender, byte* path, byte* iface, byte* method, nint parameters, nint invocation, nint state)
    {
        DBusMethodInvocation? call = null;
        try
        {
            var exported = (Exported)GCHandle.FromIntPtr(state).Target!;
            var methodName = Utf8.FromNative(method)!;
            call = new DBusMethodInvocation(
                invocation,
                Utf8.FromNative(sender) ?? "",
                Utf8.FromNative(path)!,
                Utf8.FromNative(iface)!,
                methodName,
                GVariant.AddRef(parameters),
                exported.Interface.ReplySignatures.GetValueOrDefault(methodName));
            exported.Handler.HandleMethodCall(call);
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            if (call is null)
            {
                Interop.Gio.g_dbus_method_invocation_return_dbus_error(invocation, DBusErrorException.Failed, exception.Message);
            }
            else
            {
                call.ReturnFailedIfUnanswered(exception.Message);
            }
        }
    }

    [UnmanagedCallersOnly]
    private static nint OnGetProperty(nint connection, byte* sender, byte* path, byte* iface, byte* property, Interop.GLib.GError** error, nint state)
    {
        try
        {
            var exported = (Exported)GCHandle.FromIntPtr(state).Target!;
            var name = Utf8.FromNative(property)!;
            var value = exported.Handler.GetProperty(Utf8.FromNative(sender) ?? "", name);
            if (value is null)
            {
                SetError(error, DBusErrorException.InvalidArgs, $"no such property '{name}'");
                return 0;
            }

            // A mistyped value would make GDBus drop the reply with only a warning.
            var expected = exported.Interface.PropertySignatures[name];
            if (value.TypeString != expected)
            {
                throw new InvalidOperationException(
                    $"property {exported.Interface.Name}.{name} is '{expected}' but its getter returned '{value.TypeString}'");
            }

            return value.RefForTransfer();
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            SetError(error, DBusErrorException.Failed, exception.Message);
            return 0;
        }
    }

    /// <summary>GDBus refuses writes to read-only properties itself; anything that gets here is refused too.</summary>
    [UnmanagedCallersOnly]
    private static int OnSetProperty(nint connection, byte* sender, byte* path, byte* iface, byte* property, nint value, Interop.GLib.GError** error, nint state)
    {
        try
        {
            SetError(error, DBusErrorException.PropertyReadOnly, $"property '{Utf8.FromNative(property)}' is read-only");
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }

        return 0;
    }

    /// <summary>GDBus passes no error location when it only collects values (GetAll).</summary>
    private static void SetError(Interop.GLib.GError** error, string errorName, string message)
    {
        if (error != null)
        {
            *error = DBusErrorException.ToRegisteredGError(errorName, message);
        }
    }

    [UnmanagedCallersOnly]
    private static void FreeExported(nint state)
    {
        var handle = GCHandle.FromIntPtr(state);
        ((Exported)handle.Target!).Freed = true;
        handle.Free();
    }

    private sealed class Exported(IDBusObject handler, DBusInterfaceInfo iface)
    {
        public IDBusObject Handler { get; } = handler;

        public DBusInterfaceInfo Interface { get; } = iface;

        public bool Freed { get; set; }
    }
}
