using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class GstPbUtils
    {
        internal const int GST_DISCOVERER_OK = 0;

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial void gst_pb_utils_init();

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial nint gst_discoverer_new(ulong timeoutNs, GLib.GError** error);

        [LibraryImport(Libraries.GstPbUtils, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_discoverer_discover_uri(SafeHandle discoverer, string uri, GLib.GError** error);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial int gst_discoverer_info_get_result(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial ulong gst_discoverer_info_get_duration(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_discoverer_info_get_seekable(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial nint gst_discoverer_info_get_stream_info(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial GLib.GList* gst_discoverer_info_get_audio_streams(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial GLib.GList* gst_discoverer_info_get_video_streams(SafeHandle info);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial void gst_discoverer_stream_info_list_free(GLib.GList* infos);

        [LibraryImport(Libraries.GstPbUtils)]
        internal static partial nint gst_discoverer_stream_info_get_caps(nint streamInfo);
    }
}
