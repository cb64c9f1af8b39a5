namespace RecorderDaemon.Recording;

/// <summary>
/// What this machine can record, as the MediaRecorder asks it: <c>isTypeSupported</c>, and the format <c>start()</c>
/// records a stream in. The daemon's answers from its format table and the GStreamer registry.
/// </summary>
public interface IFormatCatalog
{
    /// <summary><c>MediaRecorder.isTypeSupported</c>: true when this machine can record <paramref name="mimeType"/>; the empty type is always supported.</summary>
    bool IsTypeSupported(string mimeType);

    /// <summary>Chooses the format for <c>start()</c> from the constrained MIME type and the kinds of the stream's tracks.</summary>
    /// <exception cref="RecorderException">NotSupportedError: the stream has no tracks, or the type cannot record them</exception>
    IRecordingFormat Resolve(string constrainedMimeType, bool hasAudio, bool hasVideo);
}

/// <summary>
/// A format <see cref="IFormatCatalog.Resolve"/> chose: what the recorder reports and names its file by. The pipeline
/// factory that goes with the catalog knows the container and codecs behind it.
/// </summary>
public interface IRecordingFormat
{
    /// <summary>The full type reported once recording starts, e.g. <c>video/webm;codecs=vp8,opus</c>.</summary>
    string MimeType { get; }

    /// <summary>The output file's extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>Whether the container holds several audio tracks, as option <c>audioTracks</c> = <c>separate</c> records.</summary>
    bool HoldsSeveralAudioTracks { get; }

    /// <summary>Whether a recording in it can be split into files (<see cref="FileSplitting"/>).</summary>
    bool CanBeSplit { get; }
}
