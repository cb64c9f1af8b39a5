using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gst
    {
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_device_monitor_new();

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint gst_device_monitor_add_filter(SafeHandle monitor, string? classes, nint caps);

        [LibraryImport(Libraries.Gst)]
        internal static partial GLib.GList* gst_device_monitor_get_devices(SafeHandle monitor);

        /// <summary>Starts every provider that can monitor; false when none could be started.</summary>
        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_device_monitor_start(SafeHandle monitor);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_device_monitor_stop(SafeHandle monitor);

        /// <summary>Transfer full.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_device_monitor_get_bus(SafeHandle monitor);

        /// <summary>Transfer full: free with <see cref="gst_plugin_feature_list_free"/>.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial GLib.GList* gst_device_provider_factory_list_get_device_providers(uint minRank);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_plugin_feature_list_free(GLib.GList* list);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_plugin_feature_set_rank(nint feature, uint rank);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_device_get_display_name(nint device);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_device_get_device_class(nint device);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_device_get_properties(nint device);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial byte* gst_structure_get_string(nint structure, string fieldName);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_structure_free(nint structure);
    }
}
