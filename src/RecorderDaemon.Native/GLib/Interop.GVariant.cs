using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    // A GVariantType* is its type string (G_VARIANT_TYPE is a cast), so validated type strings are
    // passed as plain UTF-8 strings.
    internal static unsafe partial class GLib
    {
        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_variant_new_string(string text);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_variant_new_object_path(string objectPath);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_boolean([MarshalAs(UnmanagedType.Bool)] bool value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_uint32(uint value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_int32(int value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_uint64(ulong value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_double(double value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_variant(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_tuple(nint* children, nuint count);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint g_variant_new_array(string childType, nint* children, nuint count);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_new_dict_entry(GVariantHandle key, GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_ref_sink(nint value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_ref(nint value);

        [LibraryImport(Libraries.GLib, EntryPoint = "g_variant_ref")]
        internal static partial nint g_variant_ref_handle(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial void g_variant_unref(nint value);

        [LibraryImport(Libraries.GLib)]
        internal static partial byte* g_variant_get_type_string(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial byte* g_variant_get_string(GVariantHandle value, nuint* length);

        [LibraryImport(Libraries.GLib)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_get_boolean(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial uint g_variant_get_uint32(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial int g_variant_get_int32(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial int g_variant_get_handle(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial ulong g_variant_get_uint64(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial double g_variant_get_double(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_get_variant(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_is_container(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nuint g_variant_n_children(GVariantHandle value);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_get_child_value(GVariantHandle value, nuint index);

        [LibraryImport(Libraries.GLib)]
        internal static partial nint g_variant_print(GVariantHandle value, [MarshalAs(UnmanagedType.Bool)] bool typeAnnotate);

        [LibraryImport(Libraries.GLib)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_equal(GVariantHandle one, GVariantHandle two);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_is_object_path(string text);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_type_string_is_valid(string typeString);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_type_is_definite(string type);

        [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static partial bool g_variant_type_is_basic(string type);
    }
}
