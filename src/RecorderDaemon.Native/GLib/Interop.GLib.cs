using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class GLib
    {
        internal const int G_PRIORITY_HIGH = -100;
        internal const int G_PRIORITY_DEFAULT = 0;
        internal const uint G_IO_IN = 1;

        /// <summary>The public part of <c>GError</c>; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GError
        {
            public uint Domain;
            public int Code;
            public byte* Message;
        }

        /// <summary><c>GList</c>; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GList
        {
            public nint Data;
            public GList* Next;
            public GList* Prev;
        }

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_free(nint mem);

        /// <summary>A g_malloc'ed copy for C to g_free; null gives null.</summary>
        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_strdup(string? text);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_error_free(GError* error);

        [LibraryImport(Libraries.GLib)]
        internal static partial byte* g_quark_to_string(uint quark);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_list_free(GList* list);

        [LibraryImport(Libraries.GLib)]
        internal static partial MainContextHandle g_main_context_new();

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_context_unref(nint context);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_context_push_thread_default(MainContextHandle context);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_context_pop_thread_default(MainContextHandle context);

        [LibraryImport(Libraries.GLib)]
        internal static partial MainLoopHandle g_main_loop_new(MainContextHandle context, [MarshalAs(UnmanagedType.Bool)] bool isRunning);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_loop_run(MainLoopHandle loop);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_loop_quit(MainLoopHandle loop);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_main_loop_unref(nint loop);

        [LibraryImport(Libraries.GLib)]
        internal static partial SourceHandle g_timeout_source_new(uint intervalMs);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_source_set_callback(
            SourceHandle source,
            delegate* unmanaged<nint, int> function,
            nint data,
            delegate* unmanaged<nint, void> notify);

        /// <summary>The same function for sources whose callback type is not <c>GSourceFunc</c> (GstBusFunc).</summary>
        [LibraryImport(Libraries.GLib, EntryPoint = "g_source_set_callback")]
        internal static partial void g_source_set_callback_bus(
            SourceHandle source,
            delegate* unmanaged<nint, nint, nint, int> function,
            nint data,
            delegate* unmanaged<nint, void> notify);

        /// <summary>The same function for <c>g_unix_fd_source_new</c> sources (GUnixFDSourceFunc).</summary>
        [LibraryImport(Libraries.GLib, EntryPoint = "g_source_set_callback")]
        internal static partial void g_source_set_callback_fd(
            SourceHandle source,
            delegate* unmanaged<int, uint, nint, int> function,
            nint data,
            delegate* unmanaged<nint, void> notify);

        [LibraryImport(Libraries.GLib)]
        internal static partial SourceHandle g_unix_fd_source_new(SafeHandle fd, uint condition);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_source_set_priority(SourceHandle source, int priority);

        [LibraryImport(Libraries.GLib)]
        internal static partial uint g_source_attach(SourceHandle source, MainContextHandle context);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_source_destroy(SourceHandle source);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_source_unref(nint source);

        [LibraryImport(Libraries.GLib)]
        internal static partial int g_log_set_always_fatal(int fatalMask);
    }
}
