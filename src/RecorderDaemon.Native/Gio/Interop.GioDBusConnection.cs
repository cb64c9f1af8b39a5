using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gio
    {
        internal const int G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT = 1 << 0;
        internal const int G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION = 1 << 3;
        internal const int G_BUS_TYPE_SYSTEM = 1;
        internal const int G_BUS_TYPE_SESSION = 2;
        internal const int G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE = 1 << 2;
        internal const int G_DBUS_CALL_FLAGS_NONE = 0;
        internal const int G_DBUS_SIGNAL_FLAGS_NONE = 0;

        /// <summary>Must be called on the loop thread: the connection emits "closed" in the constructing thread's context.</summary>
        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_dbus_connection_new_for_address(
            string address,
            int flags,
            nint observer,
            nint cancellable,
            delegate* unmanaged<nint, nint, nint, void> callback,
            nint userData);

        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_connection_new_for_address_finish(nint result, GLib.GError** error);

        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_address_get_for_bus_sync(int busType, nint cancellable, GLib.GError** error);

        [LibraryImport(Libraries.Gio)]
        internal static partial byte* g_dbus_connection_get_unique_name(GObjectHandle connection);

        [LibraryImport(Libraries.Gio)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_connection_is_closed(GObjectHandle connection);

        [LibraryImport(Libraries.Gio)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_connection_close_sync(GObjectHandle connection, nint cancellable, GLib.GError** error);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_connection_emit_signal(
            GObjectHandle connection,
            string? destinationBusName,
            string objectPath,
            string interfaceName,
            string signalName,
            GVariantHandle parameters,
            GLib.GError** error);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_dbus_connection_call(
            GObjectHandle connection,
            string busName,
            string objectPath,
            string interfaceName,
            string methodName,
            GVariantHandle parameters,
            string? replyType,
            int flags,
            int timeoutMsec,
            nint cancellable,
            delegate* unmanaged<nint, nint, nint, void> callback,
            nint userData);

        /// <summary>Takes the borrowed source object of the GAsyncReadyCallback.</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_connection_call_finish(nint connection, nint result, GLib.GError** error);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint g_dbus_connection_signal_subscribe(
            GObjectHandle connection,
            string? sender,
            string? interfaceName,
            string? member,
            string? objectPath,
            string? arg0,
            int flags,
            delegate* unmanaged<nint, byte*, byte*, byte*, byte*, nint, nint, void> callback,
            nint userData,
            delegate* unmanaged<nint, void> userDataFreeFunc);

        [LibraryImport(Libraries.Gio)]
        internal static partial void g_dbus_connection_signal_unsubscribe(GObjectHandle connection, uint subscriptionId);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint g_bus_own_name_on_connection(
            GObjectHandle connection,
            string name,
            int flags,
            delegate* unmanaged<nint, byte*, nint, void> nameAcquiredHandler,
            delegate* unmanaged<nint, byte*, nint, void> nameLostHandler,
            nint userData,
            delegate* unmanaged<nint, void> userDataFreeFunc);

        [LibraryImport(Libraries.Gio)]
        internal static partial void g_bus_unown_name(uint ownerId);
    }
}
