using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gst
    {
        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_init_check(nint argc, nint argv, GLib.GError** error);

        [LibraryImport(Libraries.Gst)]
        internal static partial byte* gst_version_string();

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_element_factory_find(string name);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_plugin_feature_load(nint feature);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_object_unref(nint instance);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_object_get_name(nint instance);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void gst_util_set_object_arg(SafeHandle instance, string name, string value);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_mini_object_ref(nint miniObject);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_mini_object_unref(nint miniObject);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_mini_object_is_writable(SafeHandle miniObject);
    }
}
