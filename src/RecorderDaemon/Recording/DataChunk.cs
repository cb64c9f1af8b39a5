namespace RecorderDaemon.Recording;

/// <summary>
/// The spec's BlobEvent as a byte range of the output file: the bytes written since the previous
/// chunk. <see cref="TimecodeMs"/> is 0 for a recording's first chunk, then strictly increasing.
/// </summary>
public readonly record struct DataChunk(long Offset, long Size, double TimecodeMs);

/// <summary>The spec's error event: a DOMException name and a message saying what went wrong.</summary>
public sealed record RecorderError(DomErrorName Name, string Message);
