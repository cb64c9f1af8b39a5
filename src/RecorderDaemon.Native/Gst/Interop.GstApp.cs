using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class GstApp
    {
        /// <summary>
        /// <c>GstAppSinkCallbacks</c> as of GStreamer 1.20–1.23, padding included (1.24 takes a padding
        /// pointer for propose_allocation); appsink copies it. Checked by NativeLayoutTests.
        /// </summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GstAppSinkCallbacks
        {
            public delegate* unmanaged<nint, nint, void> Eos;
            public delegate* unmanaged<nint, nint, int> NewPreroll;
            public delegate* unmanaged<nint, nint, int> NewSample;
            public delegate* unmanaged<nint, nint, int> NewEvent;
            public nint Reserved0;
            public nint Reserved1;
            public nint Reserved2;
        }

        [LibraryImport(Libraries.GstApp)]
        internal static partial void gst_app_sink_set_callbacks(
            SafeHandle appsink,
            GstAppSinkCallbacks* callbacks,
            nint userData,
            delegate* unmanaged<nint, void> notify);

        /// <summary>Transfer full; null when the appsink is flushing or at its end.</summary>
        [LibraryImport(Libraries.GstApp)]
        internal static partial nint gst_app_sink_pull_sample(nint appsink);

        /// <summary>Takes the buffer (transfer full), whatever it returns.</summary>
        [LibraryImport(Libraries.GstApp)]
        internal static partial int gst_app_src_push_buffer(SafeHandle appsrc, nint buffer);

        [LibraryImport(Libraries.GstApp)]
        internal static partial int gst_app_src_end_of_stream(SafeHandle appsrc);
    }
}
