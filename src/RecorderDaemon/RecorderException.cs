namespace RecorderDaemon;

/// <summary>The DOMException names the MediaRecorder spec and the D-Bus contract use; <see cref="DomErrorNames.Spelled"/> gives each as on the wire.</summary>
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

public static class DomErrorNames
{
    /// <summary>The name as the spec spells it, spelled out here rather than taken from the member's identifier, which a rename would change on the wire.</summary>
    public static string Spelled(this DomErrorName name) => name switch
    {
        DomErrorName.InvalidStateError => "InvalidStateError",
        DomErrorName.NotSupportedError => "NotSupportedError",
        DomErrorName.NotFoundError => "NotFoundError",
        DomErrorName.NotAllowedError => "NotAllowedError",
        DomErrorName.SecurityError => "SecurityError",
        DomErrorName.InvalidModificationError => "InvalidModificationError",
        DomErrorName.QuotaExceededError => "QuotaExceededError",
        DomErrorName.UnknownError => "UnknownError",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a DOMException name recorderd uses"),
    };
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
