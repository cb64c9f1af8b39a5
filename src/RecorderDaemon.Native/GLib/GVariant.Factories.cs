namespace RecorderDaemon.Native;

public sealed partial class GVariant
{
    public static GVariant String(string value) => SinkFloating(Interop.GLib.g_variant_new_string(RequireDBusString(value)));

    public static GVariant ObjectPath(string path) => SinkFloating(Interop.GLib.g_variant_new_object_path(RequireObjectPath(path)));

    public static GVariant Boolean(bool value) => SinkFloating(Interop.GLib.g_variant_new_boolean(value));

    public static GVariant UInt32(uint value) => SinkFloating(Interop.GLib.g_variant_new_uint32(value));

    public static GVariant Int32(int value) => SinkFloating(Interop.GLib.g_variant_new_int32(value));

    public static GVariant UInt64(ulong value) => SinkFloating(Interop.GLib.g_variant_new_uint64(value));

    public static GVariant Double(double value) => SinkFloating(Interop.GLib.g_variant_new_double(value));

    /// <summary>Boxes <paramref name="value"/> into a <c>v</c>.</summary>
    public static GVariant Variant(GVariant value) => SinkFloating(Interop.GLib.g_variant_new_variant(value.Handle));

    public static unsafe GVariant Tuple(params GVariant[] items) =>
        WithPointers(items, (children, count) => Interop.GLib.g_variant_new_tuple(children, count));

    /// <summary>
    /// An array of <paramref name="elementType"/>: <c>Array("a{sv}", dicts)</c> is an <c>aa{sv}</c>.
    /// Every item must have exactly that (definite) type.
    /// </summary>
    public static unsafe GVariant Array(string elementType, IEnumerable<GVariant> items)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (!Interop.GLib.g_variant_type_string_is_valid(elementType) || !Interop.GLib.g_variant_type_is_definite(elementType))
        {
            throw new ArgumentException($"'{elementType}' is not a definite GVariant type", nameof(elementType));
        }

        var list = items.ToArray();
        foreach (var item in list)
        {
            if (item.TypeString != elementType)
            {
                throw new ArgumentException($"an array of '{elementType}' cannot hold a '{item.TypeString}'", nameof(items));
            }
        }

        return WithPointers(list, (children, count) => Interop.GLib.g_variant_new_array(elementType, children, count));
    }

    /// <summary>A <c>{key value}</c> entry; the key must be of a basic type.</summary>
    public static GVariant DictEntry(GVariant key, GVariant value)
    {
        if (!Interop.GLib.g_variant_type_is_basic(key.TypeString))
        {
            throw new ArgumentException($"a dictionary key must be of a basic type, not '{key.TypeString}'", nameof(key));
        }

        return SinkFloating(Interop.GLib.g_variant_new_dict_entry(key.Handle, value.Handle));
    }

    public static GVariant StringArray(IEnumerable<string> values) => Array("s", values.Select(String));

    public static GVariant ObjectPathArray(IEnumerable<string> paths) => Array("o", paths.Select(ObjectPath));

    /// <summary>An <c>a{sv}</c>; each value is boxed into a <c>v</c> here.</summary>
    public static GVariant VariantDictionary(IEnumerable<KeyValuePair<string, GVariant>> entries) =>
        Array("{sv}", entries.Select(entry => DictEntry(String(entry.Key), Variant(entry.Value))));

    private static string RequireDBusString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains('\0') ? throw new ArgumentException("a D-Bus string cannot contain NUL", nameof(value)) : value;
    }

    private static string RequireObjectPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Interop.GLib.g_variant_is_object_path(path)
            ? path
            : throw new ArgumentException($"'{path}' is not a valid D-Bus object path", nameof(path));
    }

    /// <summary>Calls a C constructor taking a <c>GVariant *children[]</c>, keeping every child alive meanwhile.</summary>
    private static unsafe GVariant WithPointers(IReadOnlyList<GVariant> items, ChildrenConstructor construct)
    {
        var pointers = new nint[items.Count];
        var added = 0;
        try
        {
            for (; added < items.Count; added++)
            {
                var success = false;
                items[added].Handle.DangerousAddRef(ref success);
                pointers[added] = items[added].Handle.DangerousGetHandle();
            }

            fixed (nint* children = pointers)
            {
                // The container takes its own references to non-floating children.
                return SinkFloating(construct(children, (nuint)pointers.Length));
            }
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                items[i].Handle.DangerousRelease();
            }
        }
    }

    private unsafe delegate nint ChildrenConstructor(nint* children, nuint count);
}
