namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static class Libraries
    {
        internal const string GLib = "libglib-2.0.so.0";
        internal const string GObject = "libgobject-2.0.so.0";
        internal const string Gst = "libgstreamer-1.0.so.0";
        internal const string GstApp = "libgstapp-1.0.so.0";
        internal const string GstPbUtils = "libgstpbutils-1.0.so.0";
        internal const string Libc = "libc.so.6";
    }
}
