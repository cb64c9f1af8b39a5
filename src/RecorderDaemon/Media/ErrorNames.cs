using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>Maps a GStreamer error to the DOMException name the spec reports for it.</summary>
internal static class ErrorNames
{
    private const string ResourceErrorDomain = "gst-resource-error-quark";
    private const int ResourceNotFound = 3;
    private const int ResourceNotAuthorized = 15;

    public static DomErrorName For(GLibException? error) => error switch
    {
        { Domain: ResourceErrorDomain, Code: ResourceNotAuthorized } => DomErrorName.SecurityError,
        { Domain: ResourceErrorDomain, Code: ResourceNotFound } => DomErrorName.NotFoundError,
        _ => DomErrorName.UnknownError,
    };
}
