using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>The values of an <c>a{sv}</c> of options, checked for their type and named when wrong.</summary>
internal static class OptionValue
{
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of <paramref name="type"/></exception>
    public static VariantValue Read(string key, VariantValue value, VariantValueType type) =>
        value.Type == type
            ? value
            : throw new ArgumentException($"option '{key}' must be of type '{Code(type)}', not '{Code(value.Type)}'");

    /// <summary>The D-Bus type code, for messages in the contract's terms.</summary>
    private static string Code(VariantValueType type) => type switch
    {
        VariantValueType.String => "s",
        VariantValueType.UInt32 => "u",
        VariantValueType.Int32 => "i",
        VariantValueType.UInt64 => "t",
        VariantValueType.Int64 => "x",
        VariantValueType.Bool => "b",
        VariantValueType.Double => "d",
        VariantValueType.ObjectPath => "o",
        VariantValueType.UnixFd => "h",
        _ => type.ToString(),
    };
}
