namespace RecorderDaemon;

/// <summary>The DOMException names the MediaRecorder spec and the D-Bus contract use; each member is spelled as on the wire.</summary>
public enum DomErrorName
{
    InvalidStateError,
    NotSupportedError,
    NotFoundError,
    NotAllowedError,
    SecurityError,
    InvalidModificationError,
    QuotaExceededError,
    UnknownError,
}

/// <summary>
/// A failure the caller should see by its DOMException name; the D-Bus layer turns it into
/// <c>io.github.recorderd.Error.&lt;Name&gt;</c>. Malformed arguments are <see cref="ArgumentException"/> instead.
/// </summary>
public sealed class RecorderException(DomErrorName name, string message) : Exception(message)
{
    public DomErrorName Name { get; } = name;

    public static RecorderException NotSupported(string message) => new(DomErrorName.NotSupportedError, message);

    public static RecorderException InvalidState(string message) => new(DomErrorName.InvalidStateError, message);

    public static RecorderException NotFound(string message) => new(DomErrorName.NotFoundError, message);
}
