using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class GObject
    {
        // Fundamental GTypes are fixed by G_TYPE_MAKE_FUNDAMENTAL (n << 2).
        internal const nuint G_TYPE_NONE = 1 << 2;
        internal const nuint G_TYPE_BOOLEAN = 5 << 2;
        internal const nuint G_TYPE_INT = 6 << 2;
        internal const nuint G_TYPE_UINT = 7 << 2;
        internal const nuint G_TYPE_INT64 = 10 << 2;
        internal const nuint G_TYPE_UINT64 = 11 << 2;
        internal const nuint G_TYPE_DOUBLE = 15 << 2;
        internal const nuint G_TYPE_STRING = 16 << 2;

        /// <summary><c>GValue</c>: a type and two data words; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GValue
        {
            public nuint GType;
            public ulong Data0;
            public ulong Data1;
        }

        /// <summary><c>GValueArray</c> (deprecated in GLib, still what <c>level</c> posts); checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GValueArray
        {
            public uint NValues;
            public GValue* Values;
            public uint NPrealloced;
        }

        internal const int G_SIGNAL_ACTION = 1 << 5;

        /// <summary>Set on a signal's return and parameter types to mark arguments that need no copy; not part of the type.</summary>
        internal const nuint G_SIGNAL_TYPE_STATIC_SCOPE = 1;

        /// <summary><c>GSignalQuery</c>; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GSignalQuery
        {
            public uint SignalId;
            public byte* SignalName;
            public nuint IType;
            public int SignalFlags;
            public nuint ReturnType;
            public uint NParams;
            public nuint* ParamTypes;
        }

        /// <summary>The head of every GObject instance (<c>GTypeInstance</c>), enough to reach its class.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GTypeInstance
        {
            public nint GClass;
        }

        [LibraryImport(Libraries.GObject)]
        internal static partial nint g_object_ref_sink(nint instance);

        [LibraryImport(Libraries.GObject)]
        internal static partial nint g_object_ref(nint instance);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_object_unref(nint instance);

        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_object_class_find_property(nint objectClass, string propertyName);

        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_object_set_property(SafeHandle instance, string propertyName, GValue* value);

        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_object_get_property(SafeHandle instance, string propertyName, GValue* value);

        [LibraryImport(Libraries.GObject)]
        internal static partial GValue* g_value_init(GValue* value, nuint gType);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_unset(GValue* value);

        [LibraryImport(Libraries.GObject)]
        internal static partial double g_value_get_double(GValue* value);

        /// <summary>Transfer none.</summary>
        [LibraryImport(Libraries.GObject)]
        internal static partial void* g_value_get_boxed(GValue* value);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_boolean(GValue* value, [MarshalAs(UnmanagedType.Bool)] bool boolean);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_int(GValue* value, int number);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_uint(GValue* value, uint number);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_int64(GValue* value, long number);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_uint64(GValue* value, ulong number);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_double(GValue* value, double number);

        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial void g_value_set_string(GValue* value, string text);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_value_set_object(GValue* value, nint instance);

        [LibraryImport(Libraries.GObject)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_value_get_boolean(GValue* value);

        [LibraryImport(Libraries.GObject)]
        internal static partial int g_value_get_int(GValue* value);

        [LibraryImport(Libraries.GObject)]
        internal static partial long g_value_get_int64(GValue* value);

        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial CULong g_signal_connect_data(
            SafeHandle instance,
            string detailedSignal,
            delegate* unmanaged<nint, nint, nint, void> handler,
            nint data,
            delegate* unmanaged<nint, nint, void> destroyData,
            int connectFlags);

        /// <summary>The same function for a handler of splitmuxsink's <c>format-location</c>: <c>gchar* (*)(GstElement*, guint, gpointer)</c>.</summary>
        [LibraryImport(Libraries.GObject, EntryPoint = "g_signal_connect_data", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial CULong g_signal_connect_data_format_location(
            SafeHandle instance,
            string detailedSignal,
            delegate* unmanaged<nint, uint, nint, nint> handler,
            nint data,
            delegate* unmanaged<nint, nint, void> destroyData,
            int connectFlags);

        /// <summary>0 when the type has no such signal.</summary>
        [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint g_signal_lookup(string name, nuint instanceType);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_signal_query(uint signalId, GSignalQuery* query);

        [LibraryImport(Libraries.GObject)]
        internal static partial void g_signal_emitv(GValue* instanceAndParams, uint signalId, uint detail, GValue* returnValue);
    }
}
