namespace RecorderDaemon.Native;

/// <summary>A D-Bus error reply: its error name (e.g. <c>org.freedesktop.DBus.Error.ServiceUnknown</c>) and message.</summary>
public sealed class DBusErrorException(string errorName, string message) : Exception(message)
{
    public const string Failed = "org.freedesktop.DBus.Error.Failed";
    public const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";
    public const string PropertyReadOnly = "org.freedesktop.DBus.Error.PropertyReadOnly";
    public const string ServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";
    public const string NameHasNoOwner = "org.freedesktop.DBus.Error.NameHasNoOwner";

    public string ErrorName { get; } = errorName;

    /// <summary>
    /// Copies and frees <paramref name="error"/>: a remote D-Bus error becomes a <see cref="DBusErrorException"/>,
    /// a local failure (closed connection, timeout, bad address) a <see cref="GLibException"/>.
    /// </summary>
    internal static unsafe Exception FromGError(Interop.GLib.GError* error)
    {
        if (error == null || !Interop.Gio.g_dbus_error_is_remote_error(error))
        {
            return GLibException.FromGError(error) ?? new GLibException("", 0, "GLib failed without setting an error");
        }

        var name = Utf8.TakeOwned(Interop.Gio.g_dbus_error_get_remote_error(error))!;
        Interop.Gio.g_dbus_error_strip_remote_error(error);
        var message = Utf8.FromNative(error->Message) ?? "";
        Interop.GLib.g_error_free(error);
        return new DBusErrorException(name, message);
    }

    /// <summary>
    /// A GError that GDBus sends back as <paramref name="errorName"/>. Only names GLib registers in
    /// <c>G_DBUS_ERROR</c> (Failed, InvalidArgs, PropertyReadOnly, ...) survive this route; the remote
    /// prefix is stripped because GDBus sends the GError's message as is.
    /// </summary>
    internal static unsafe Interop.GLib.GError* ToRegisteredGError(string errorName, string message)
    {
        var error = Interop.Gio.g_dbus_error_new_for_dbus_error(errorName, message);
        Interop.Gio.g_dbus_error_strip_remote_error(error);
        return error;
    }
}
