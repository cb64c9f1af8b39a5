using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>An error reply from the daemon (or from the bus on its behalf), or no reply in time.</summary>
public sealed class RecorderClientException(string errorName, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>What a call that got no reply in time fails with, as libdbus names it.</summary>
    public const string NoReply = "org.freedesktop.DBus.Error.NoReply";

    /// <summary>The full D-Bus error name, e.g. <c>io.github.recorderd.Error.InvalidStateError</c>.</summary>
    public string ErrorName { get; } = errorName;

    /// <summary>
    /// The DOMException name (<c>InvalidStateError</c>, <c>NotSupportedError</c>, ...) for the daemon's own
    /// errors; null for the others, such as <c>org.freedesktop.DBus.Error.InvalidArgs</c>.
    /// </summary>
    public string? DomExceptionName =>
        ErrorName.StartsWith(RecorderBus.ErrorPrefix, StringComparison.Ordinal) ? ErrorName[RecorderBus.ErrorPrefix.Length..] : null;

    internal static RecorderClientException FromDBusError(DBusErrorReplyException error) => new(error.ErrorName, error.ErrorMessage, error);
}
