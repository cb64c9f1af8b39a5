using Tmds.DBus.Protocol;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A call's arguments as <see cref="VariantValue"/>s, written one after another as the body (not wrapped in a variant, unless an
/// argument is one: <see cref="VariantValue.Variant"/>), with the body signature derived from them. So a test can send any
/// signature, also a wrong one: <c>["x"]</c> is <c>s</c>, <c>[0u]</c> is <c>u</c>, <c>[VariantValue.Array(sources), options]</c> with a
/// <c>Dict&lt;string, VariantValue&gt;</c> is <c>asa{sv}</c>.
/// <para>
/// Basic types, variants, arrays and dictionaries. Not structs: whether a struct field is a variant is not public in
/// Tmds.DBus; nor empty arrays of containers, whose item signature is not public either.
/// </para>
/// </summary>
public static class MessageArguments
{
    /// <summary>The body signature of <paramref name="arguments"/>; null for none.</summary>
    public static string? Signature(IReadOnlyList<VariantValue> arguments) =>
        arguments.Count == 0 ? null : string.Concat(arguments.Select(Signature));

    /// <summary>Writes <paramref name="value"/> as what it is, e.g. a string as <c>s</c>.</summary>
    public static void Write(ref MessageWriter writer, VariantValue value)
    {
        switch (value.Type)
        {
            case VariantValueType.Byte: writer.WriteByte(value.GetByte()); break;
            case VariantValueType.Bool: writer.WriteBool(value.GetBool()); break;
            case VariantValueType.Int16: writer.WriteInt16(value.GetInt16()); break;
            case VariantValueType.UInt16: writer.WriteUInt16(value.GetUInt16()); break;
            case VariantValueType.Int32: writer.WriteInt32(value.GetInt32()); break;
            case VariantValueType.UInt32: writer.WriteUInt32(value.GetUInt32()); break;
            case VariantValueType.Int64: writer.WriteInt64(value.GetInt64()); break;
            case VariantValueType.UInt64: writer.WriteUInt64(value.GetUInt64()); break;
            case VariantValueType.Double: writer.WriteDouble(value.GetDouble()); break;
            case VariantValueType.String: writer.WriteString(value.GetString()); break;
            case VariantValueType.ObjectPath: writer.WriteObjectPath(value.GetObjectPathAsString()); break;
            case VariantValueType.Signature: writer.WriteSignature(value.GetSignature()); break;
            case VariantValueType.Variant: writer.WriteVariant(value.GetVariantValue()); break;
            case VariantValueType.Array:
                var array = writer.WriteArrayStart((DBusType)value.ItemType);
                for (var i = 0; i < value.Count; i++)
                {
                    WriteItem(ref writer, value.ItemType, value.GetItem(i));
                }

                writer.WriteArrayEnd(array);
                break;
            case VariantValueType.Dictionary:
                var dictionary = writer.WriteDictionaryStart();
                for (var i = 0; i < value.Count; i++)
                {
                    var (key, item) = value.GetDictionaryEntry(i);
                    writer.WriteDictionaryEntryStart();
                    Write(ref writer, key);
                    WriteItem(ref writer, value.ValueType, item);
                }

                writer.WriteDictionaryEnd(dictionary);
                break;
            default:
                throw new NotSupportedException($"cannot write a {value.Type} as a call argument");
        }
    }

    private static string Signature(VariantValue value) => value.Type switch
    {
        VariantValueType.Array => $"a{ItemSignature(value.ItemType, value.Count > 0 ? value.GetItem(0) : (VariantValue?)null)}",
        VariantValueType.Dictionary =>
            $"a{{{(char)value.KeyType}{ItemSignature(value.ValueType, value.Count > 0 ? value.GetDictionaryEntry(0).Value : (VariantValue?)null)}}}",
        VariantValueType.Struct or VariantValueType.UnixFd or VariantValueType.Invalid =>
            throw new NotSupportedException($"cannot write a {value.Type} as a call argument"),
        var basic => ((char)basic).ToString(),
    };

    /// <summary>An array's or dictionary's items are stored unwrapped even when their declared type is <c>v</c>.</summary>
    private static string ItemSignature(VariantValueType type, VariantValue? first) => type switch
    {
        VariantValueType.Array or VariantValueType.Dictionary or VariantValueType.Struct => first is { } item
            ? Signature(item)
            : throw new NotSupportedException($"cannot tell the item signature of an empty array of {type}"),
        var simple => ((char)simple).ToString(),
    };

    private static void WriteItem(ref MessageWriter writer, VariantValueType type, VariantValue item)
    {
        if (type == VariantValueType.Variant)
        {
            writer.WriteVariant(item);
        }
        else
        {
            Write(ref writer, item);
        }
    }
}
