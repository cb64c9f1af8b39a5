using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gst
    {
        internal const int GST_PAD_LINK_OK = 0;
        internal const int GST_FLOW_OK = 0;

        internal const int GST_PAD_LINK_CHECK_HIERARCHY = 1 << 0;
        internal const int GST_PAD_LINK_CHECK_TEMPLATE_CAPS = 1 << 1;

        [LibraryImport(Libraries.Gst)]
        internal static partial int gst_pad_link(SafeHandle source, SafeHandle sink);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_pad_is_linked(SafeHandle pad);

        /// <summary>Transfer full; 0 when the pad is not linked.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_pad_get_peer(SafeHandle pad);

        [LibraryImport(Libraries.Gst)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_pad_unlink(SafeHandle source, SafeHandle sink);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_pad_set_offset(SafeHandle pad, long offset);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_pad_query_caps(SafeHandle pad, nint filter);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint gst_caps_new_empty_simple(string mediaType);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_caps_get_structure(nint caps, uint index);

        [LibraryImport(Libraries.Gst)]
        internal static partial uint gst_caps_get_size(nint caps);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void gst_caps_set_value(SafeHandle caps, string field, GObject.GValue* value);

        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_caps_to_string(SafeHandle caps);

        [LibraryImport(Libraries.Gst)]
        internal static partial nuint gst_caps_get_type();

        [LibraryImport(Libraries.Gst)]
        internal static partial byte* gst_structure_get_name(nint structure);

        [LibraryImport(Libraries.Gst)]
        internal static partial nuint gst_fraction_get_type();

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_value_set_fraction(GObject.GValue* value, int numerator, int denominator);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_value_set_caps(GObject.GValue* value, SafeHandle caps);
    }
}
