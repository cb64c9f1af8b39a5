namespace RecorderDaemon.Native;

/// <summary>
/// Argument checks done before calling GDBus, whose own checks only log a critical and return,
/// leaving callbacks uncalled and replies unsent.
/// </summary>
internal static class DBusNames
{
    public static string BusName(string name, string parameter) =>
        Interop.Gio.g_dbus_is_name(name) ? name : throw Invalid("bus name", name, parameter);

    public static string WellKnownName(string name, string parameter) =>
        Interop.Gio.g_dbus_is_name(name) && !Interop.Gio.g_dbus_is_unique_name(name)
            ? name
            : throw Invalid("well-known bus name", name, parameter);

    public static string ObjectPath(string path, string parameter) =>
        Interop.GLib.g_variant_is_object_path(path) ? path : throw Invalid("object path", path, parameter);

    /// <summary>Interface and error names share one syntax.</summary>
    public static string InterfaceName(string name, string parameter) =>
        Interop.Gio.g_dbus_is_interface_name(name) ? name : throw Invalid("interface or error name", name, parameter);

    public static string MemberName(string name, string parameter) =>
        Interop.Gio.g_dbus_is_member_name(name) ? name : throw Invalid("member name", name, parameter);

    public static GVariant Tuple(GVariant? parameters, string parameter)
    {
        var tuple = parameters ?? GVariant.Tuple();
        return tuple.TypeString.StartsWith('(')
            ? tuple
            : throw new ArgumentException($"D-Bus message arguments must be a tuple, not '{tuple.TypeString}'", parameter);
    }

    public static string TypeString(string type, string parameter) =>
        Interop.GLib.g_variant_type_string_is_valid(type)
            ? type
            : throw new ArgumentException($"'{type}' is not a GVariant type", parameter);

    private static ArgumentException Invalid(string what, string? value, string parameter) =>
        new($"'{value}' is not a valid D-Bus {what}", parameter);
}
