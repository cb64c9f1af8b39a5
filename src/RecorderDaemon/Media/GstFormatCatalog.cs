using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>The daemon's <see cref="IFormatCatalog"/>: the format table (<see cref="RecordingFormats"/>) against the GStreamer registry, through <see cref="TypeSupport"/>.</summary>
public sealed class GstFormatCatalog : IFormatCatalog
{
    public bool IsTypeSupported(string mimeType) => TypeSupport.IsTypeSupported(mimeType);

    public IRecordingFormat Resolve(string constrainedMimeType, bool hasAudio, bool hasVideo) => TypeSupport.Resolve(constrainedMimeType, hasAudio, hasVideo);
}
