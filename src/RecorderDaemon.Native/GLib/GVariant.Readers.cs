namespace RecorderDaemon.Native;

public sealed partial class GVariant
{
    /// <summary>The text of an <c>s</c>, <c>o</c> or <c>g</c>.</summary>
    public unsafe string GetString()
    {
        RequireType("s", "o", "g");
        nuint length;
        return Utf8.FromNative(Interop.GLib.g_variant_get_string(Handle, &length))!;
    }

    public bool GetBoolean() => Read("b", Interop.GLib.g_variant_get_boolean);

    public uint GetUInt32() => Read("u", Interop.GLib.g_variant_get_uint32);

    public int GetInt32() => Read("i", Interop.GLib.g_variant_get_int32);

    /// <summary>An <c>h</c>: the index of a file descriptor in the message's fd list.</summary>
    public int GetHandle() => Read("h", Interop.GLib.g_variant_get_handle);

    public ulong GetUInt64() => Read("t", Interop.GLib.g_variant_get_uint64);

    public double GetDouble() => Read("d", Interop.GLib.g_variant_get_double);

    /// <summary>The number of items of a container (tuple, array, dict entry, variant).</summary>
    public int ChildCount =>
        Interop.GLib.g_variant_is_container(Handle)
            ? checked((int)Interop.GLib.g_variant_n_children(Handle))
            : throw new InvalidCastException($"a '{TypeString}' is not a container");

    public GVariant GetChild(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ChildCount);
        return TakeFull(Interop.GLib.g_variant_get_child_value(Handle, (nuint)index));
    }

    /// <summary>The value inside a <c>v</c>.</summary>
    public GVariant Unbox()
    {
        RequireType("v");
        return TakeFull(Interop.GLib.g_variant_get_variant(Handle));
    }

    /// <summary>The items of an <c>as</c> or <c>ao</c>.</summary>
    public string[] GetStrings()
    {
        RequireType("as", "ao");
        return Items(child => child.GetString());
    }

    /// <summary>The items of an <c>au</c>.</summary>
    public uint[] GetUInt32s()
    {
        RequireType("au");
        return Items(child => child.GetUInt32());
    }

    /// <summary>An <c>a{sv}</c> as a dictionary of the unboxed values; a repeated key keeps its last value.</summary>
    public IReadOnlyDictionary<string, GVariant> ToVariantDictionary()
    {
        RequireType("a{sv}");
        var dictionary = new Dictionary<string, GVariant>(StringComparer.Ordinal);
        for (var i = 0; i < ChildCount; i++)
        {
            using var entry = GetChild(i);
            using var key = entry.GetChild(0);
            using var boxed = entry.GetChild(1);
            dictionary[key.GetString()] = boxed.Unbox();
        }

        return dictionary;
    }

    private T[] Items<T>(Func<GVariant, T> read)
    {
        var items = new T[ChildCount];
        for (var i = 0; i < items.Length; i++)
        {
            using var child = GetChild(i);
            items[i] = read(child);
        }

        return items;
    }

    private T Read<T>(string type, Func<GVariantHandle, T> read)
    {
        RequireType(type);
        return read(Handle);
    }

    private void RequireType(params string[] types)
    {
        var actual = TypeString;
        if (!types.Contains(actual))
        {
            throw new InvalidCastException($"expected a GVariant of type '{string.Join("' or '", types)}', got '{actual}'");
        }
    }
}
