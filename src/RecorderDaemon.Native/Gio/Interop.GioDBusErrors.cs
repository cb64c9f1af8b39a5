using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gio
    {
        [LibraryImport(Libraries.Gio)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_error_is_remote_error(GLib.GError* error);

        [LibraryImport(Libraries.Gio)]
        internal static partial nint g_dbus_error_get_remote_error(GLib.GError* error);

        [LibraryImport(Libraries.Gio)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_error_strip_remote_error(GLib.GError* error);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial GLib.GError* g_dbus_error_new_for_dbus_error(string dbusErrorName, string dbusErrorMessage);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_is_name(string text);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_is_unique_name(string text);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_is_interface_name(string text);

        [LibraryImport(Libraries.Gio, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_dbus_is_member_name(string text);
    }
}
