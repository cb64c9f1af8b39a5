using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static partial class Gst
    {
        internal const ulong GST_CLOCK_TIME_NONE = ulong.MaxValue;
        internal const uint GST_BUFFER_FLAG_HEADER = 1 << 10;
        internal const uint GST_BUFFER_FLAG_DELTA_UNIT = 1 << 13;

        /// <summary>
        /// The public head of <c>GstBuffer</c>: its timestamps are struct fields (GST_BUFFER_PTS and the like
        /// are macros), so they are read here; checked by NativeLayoutTests.
        /// </summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GstBuffer
        {
            public GstMiniObject MiniObject;
            public nint Pool;
            public ulong Pts;
            public ulong Dts;
            public ulong Duration;
            public ulong Offset;
            public ulong OffsetEnd;
        }

        [LibraryImport(Libraries.Gst)]
        internal static partial nuint gst_buffer_get_size(SafeHandle buffer);

        /// <summary>Transfer full: a new buffer, writable, sharing the memory of the original.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_buffer_copy(SafeHandle buffer);

        /// <summary>Transfer none.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_sample_get_segment(SafeHandle sample);

        /// <summary>GST_CLOCK_TIME_NONE when <paramref name="position"/> is outside the segment.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial ulong gst_segment_to_running_time(nint segment, int format, ulong position);

        /// <summary>Transfer none.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_sample_get_buffer(SafeHandle sample);

        /// <summary>Transfer none.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_sample_get_caps(SafeHandle sample);
    }
}
