using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gio
    {
        /// <summary><c>GDBusInterfaceVTable</c>: three callbacks, then 8 padding pointers; checked by GioLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GDBusInterfaceVTable
        {
            public delegate* unmanaged<nint, byte*, byte*, byte*, byte*, nint, nint, nint, void> MethodCall;
            public delegate* unmanaged<nint, byte*, byte*, byte*, byte*, GLib.GError**, nint, nint> GetProperty;
            public delegate* unmanaged<nint, byte*, byte*, byte*, byte*, nint, GLib.GError**, nint, int> SetProperty;
            public VTablePadding Padding;
        }

        [InlineArray(8)]
        internal struct VTablePadding
        {
            private nint _element0;
        }

        /// <summary><c>GDBusInterfaceInfo</c>; checked by GioLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GDBusInterfaceInfo
        {
            public int RefCount;
            public byte* Name;
            public GDBusMethodInfo** Methods;
            public nint* Signals;
            public GDBusPropertyInfo** Properties;
            public nint* Annotations;
        }

        /// <summary><c>GDBusMethodInfo</c>; checked by GioLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GDBusMethodInfo
        {
            public int RefCount;
            public byte* Name;
            public GDBusArgInfo** InArgs;
            public GDBusArgInfo** OutArgs;
            public nint* Annotations;
        }

        /// <summary><c>GDBusArgInfo</c>; checked by GioLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GDBusArgInfo
        {
            public int RefCount;
            public byte* Name;
            public byte* Signature;
            public nint* Annotations;
        }

        /// <summary><c>GDBusPropertyInfo</c>; checked by GioLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GDBusPropertyInfo
        {
            public int RefCount;
            public byte* Name;
            public byte* Signature;
            public int Flags;
            public nint* Annotations;
        }

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_dbus_node_info_new_for_xml(string xmlData, GLib.GError** error);

        [LibraryImport(Libraries.Gio)]
        internal static partial void g_dbus_node_info_unref(nint info);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial GDBusInterfaceInfo* g_dbus_node_info_lookup_interface(DBusNodeInfoHandle info, string name);

        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_interface_info_ref(GDBusInterfaceInfo* info);

        [LibraryImport(Libraries.Gio)]
        internal static partial void g_dbus_interface_info_unref(nint info);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint g_dbus_connection_register_object(
            GObjectHandle connection,
            string objectPath,
            DBusInterfaceInfoHandle interfaceInfo,
            GDBusInterfaceVTable* vtable,
            nint userData,
            delegate* unmanaged<nint, void> userDataFreeFunc,
            GLib.GError** error);

        [LibraryImport(Libraries.Gio)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_connection_unregister_object(GObjectHandle connection, uint registrationId);

        /// <summary>Consumes <paramref name="invocation"/> (transfer full).</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial void g_dbus_method_invocation_return_value(nint invocation, GVariantHandle parameters);

        /// <summary>Consumes <paramref name="invocation"/> (transfer full).</summary>
        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_dbus_method_invocation_return_dbus_error(nint invocation, string errorName, string errorMessage);

        /// <summary>The incoming message, borrowed (transfer none) from the invocation while it is unanswered.</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_method_invocation_get_message(nint invocation);

        /// <summary>A <c>GDBusMessageFlags</c> set.</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial int g_dbus_message_get_flags(nint message);

        /// <summary>The message's <c>GUnixFDList</c>, borrowed (transfer none); 0 when it carries no fds.</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_message_get_unix_fd_list(nint message);

        [LibraryImport(Libraries.Gio)]
        internal static partial int g_unix_fd_list_get_length(nint list);

        /// <summary>A duplicate (with close-on-exec) of the fd at <paramref name="index"/>, which the caller owns; -1 with the error set on failure.</summary>
        [LibraryImport(Libraries.Gio)]
        internal static partial int g_unix_fd_list_get(nint list, int index, GLib.GError** error);
    }
}
