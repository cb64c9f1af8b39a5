using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>Maps a GStreamer error to the DOMException name the spec reports for it.</summary>
internal static class ErrorNames
{
    private const string ResourceErrorDomain = "gst-resource-error-quark";
    private const int ResourceNotFound = 3;
    private const int ResourceNoSpaceLeft = 14;
    private const int ResourceNotAuthorized = 15;

    public static DomErrorName For(GLibException? error) => error switch
    {
        { Domain: ResourceErrorDomain, Code: ResourceNotAuthorized } => DomErrorName.SecurityError,
        { Domain: ResourceErrorDomain, Code: ResourceNotFound } => DomErrorName.NotFoundError,
        { Domain: ResourceErrorDomain, Code: ResourceNoSpaceLeft } => DomErrorName.QuotaExceededError,
        _ => DomErrorName.UnknownError,
    };

    /// <summary>The message of a failed recording: the element and its error, or what a source's watchdog means.</summary>
    public static string Describe(GstBusMessage message) =>
        message.SourceName.StartsWith(PipeWireSource.WatchdogName, StringComparison.Ordinal)
            ? $"the PipeWire {message.SourceName[(PipeWireSource.WatchdogName.Length + 1)..].Split('-')[0]} source stopped delivering data"
                + $" for {PipeWireSource.StallTimeout.TotalSeconds:0.#} s (its node was removed or its client quit)"
            : $"{message.SourceName}: {message.Error?.Message}{Cause(message.Debug)}";

    // GStreamer's debug text is "file.c(line): function (): /element/path:" and then, on the next line, the cause
    // in words (`No such file "/x.webm"`, `system error: ...`): the part that names the problem for the user.
    private static string Cause(string? debug) =>
        debug?.Split('\n', 2) is [_, var cause] && !string.IsNullOrWhiteSpace(cause) ? $" ({cause.Trim()})" : "";
}
