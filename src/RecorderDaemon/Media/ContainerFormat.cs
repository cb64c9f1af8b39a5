namespace RecorderDaemon.Media;

/// <summary>A row of the container table (<see cref="RecordingFormats"/>).</summary>
/// <param name="Name">the subtype it answers to, e.g. <c>webm</c></param>
/// <param name="Muxer">the GStreamer muxer factory</param>
/// <param name="Extension">the output file's extension, without the dot</param>
/// <param name="DefaultAudio">the codec used for an audio track when the MIME type names none</param>
/// <param name="DefaultVideo">the codec used for a video track when the MIME type names none</param>
/// <param name="HoldsSeveralAudioTracks">whether the muxer takes more than one audio track</param>
public sealed record ContainerFormat(string Name, string Muxer, string Extension, string DefaultAudio, string DefaultVideo, bool HoldsSeveralAudioTracks)
{
    public string AudioMediaType => $"audio/{Name}";

    public string VideoMediaType => $"video/{Name}";
}
