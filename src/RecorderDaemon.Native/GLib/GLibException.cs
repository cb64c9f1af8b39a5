namespace RecorderDaemon.Native;

/// <summary>A <c>GError</c> copied into .NET: its domain (as the quark's string), code and message.</summary>
public sealed class GLibException(string domain, int code, string message) : Exception(message)
{
    public string Domain { get; } = domain;

    public int Code { get; } = code;

    /// <summary>Copies and frees <paramref name="error"/>; returns null when no error was set.</summary>
    internal static unsafe GLibException? FromGError(Interop.GLib.GError* error)
    {
        if (error == null)
        {
            return null;
        }

        var domain = Utf8.FromNative(Interop.GLib.g_quark_to_string(error->Domain)) ?? "";
        var exception = new GLibException(domain, error->Code, Utf8.FromNative(error->Message) ?? "");
        Interop.GLib.g_error_free(error);
        return exception;
    }

    /// <summary>Throws the error if one was set; frees it either way.</summary>
    internal static unsafe void ThrowIfSet(Interop.GLib.GError* error)
    {
        if (FromGError(error) is { } exception)
        {
            throw exception;
        }
    }
}
