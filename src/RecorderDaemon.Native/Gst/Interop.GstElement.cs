using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static partial class Gst
    {
        internal const int GST_STATE_VOID_PENDING = 0;
        internal const int GST_STATE_NULL = 1;
        internal const int GST_STATE_READY = 2;
        internal const int GST_STATE_PAUSED = 3;
        internal const int GST_STATE_PLAYING = 4;

        internal const int GST_STATE_CHANGE_FAILURE = 0;

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_element_factory_make(string factoryName, string? name);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_pipeline_new(string? name);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_bin_add(SafeHandle bin, SafeHandle element);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_bin_remove(SafeHandle bin, SafeHandle element);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_sync_state_with_parent(SafeHandle element);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_element_release_request_pad(SafeHandle element, SafeHandle pad);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_link(SafeHandle source, SafeHandle destination);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_link_pads_full(SafeHandle source, string sourcePad, SafeHandle destination, string destinationPad, int checks);

        [LibraryImport(Libraries.Gst)]
        internal static partial int gst_element_set_state(SafeHandle element, int state);

        [LibraryImport(Libraries.Gst)]
        internal static partial int gst_element_get_state(SafeHandle element, out int state, out int pending, ulong timeoutNs);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_seek_simple(SafeHandle element, int format, int seekFlags, long positionNs);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_query_position(SafeHandle element, int format, out long positionNs);

        internal const int GST_FORMAT_TIME = 3;
        internal const int GST_SEEK_FLAG_FLUSH = 1 << 0;
        internal const int GST_SEEK_FLAG_ACCURATE = 1 << 1;
        internal const int GST_STATE_CHANGE_SUCCESS = 1;

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_element_send_event(SafeHandle element, nint eventTransferFull);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_element_get_bus(SafeHandle element);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_element_get_static_pad(SafeHandle element, string name);

        /// <summary>Transfer full; 0 when the element has no such request pad template.</summary>
        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_element_request_pad_simple(SafeHandle element, string name);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_event_new_eos();
    }
}
