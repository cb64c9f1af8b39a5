using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Gst
    {
        internal const uint GST_MESSAGE_EOS = 1 << 0;
        internal const uint GST_MESSAGE_ERROR = 1 << 1;
        internal const uint GST_MESSAGE_WARNING = 1 << 2;
        internal const uint GST_MESSAGE_STATE_CHANGED = 1 << 6;
        internal const uint GST_MESSAGE_ELEMENT = 1 << 15;
        internal const uint GST_MESSAGE_EXTENDED = 1u << 31;
        internal const uint GST_MESSAGE_DEVICE_ADDED = GST_MESSAGE_EXTENDED + 1;
        internal const uint GST_MESSAGE_DEVICE_REMOVED = GST_MESSAGE_EXTENDED + 2;

        /// <summary><c>GstMiniObject</c>, the head of messages, caps and events; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GstMiniObject
        {
            public nuint Type;
            public int RefCount;
            public int LockState;
            public uint Flags;
            public nint Copy;
            public nint Dispose;
            public nint Free;
            public uint PrivUint;
            public nint PrivPointer;
        }

        /// <summary>The public head of <c>GstMessage</c> (GST_MESSAGE_TYPE/SRC are macros); checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GstMessage
        {
            public GstMiniObject MiniObject;
            public uint Type;
            public ulong Timestamp;
            public nint Source;
            public uint SequenceNumber;
        }

        [LibraryImport(Libraries.Gst)]
        internal static partial SourceHandle gst_bus_create_watch(SafeHandle bus);

        /// <summary>Transfer full; null on timeout. Messages of other types are dropped.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_bus_timed_pop_filtered(SafeHandle bus, ulong timeoutNs, uint types);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_bus_set_flushing(SafeHandle bus, [MarshalAs(UnmanagedType.Bool)] bool flushing);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_message_parse_error(GstMessage* message, GLib.GError** error, nint* debug);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_message_parse_warning(GstMessage* message, GLib.GError** error, nint* debug);

        /// <summary>Transfer none: the message's structure, or null.</summary>
        [LibraryImport(Libraries.Gst)]
        internal static partial nint gst_message_get_structure(GstMessage* message);

        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool gst_structure_has_name(nint structure, string name);

        /// <summary>Transfer none; null when the structure has no such field.</summary>
        [LibraryImport(Libraries.Gst, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial GObject.GValue* gst_structure_get_value(nint structure, string fieldName);

        [LibraryImport(Libraries.Gst)]
        internal static partial void gst_message_parse_state_changed(GstMessage* message, int* oldState, int* newState, int* pending);
    }
}
