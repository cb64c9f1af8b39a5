using RecorderDaemon.Native;

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

    /// <summary>The extension of a file without video, where the container has its own (<c>mka</c>, <c>m4a</c>); else <see cref="Extension"/>.</summary>
    public string? AudioExtension { get; init; }

    /// <summary>Muxer properties, serialized as gst-launch writes them, that every recording sets.</summary>
    public IReadOnlyDictionary<string, string> MuxerProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>The muxer properties of a recording split into files (<c>splitmuxsink</c>), instead of <see cref="MuxerProperties"/>; null when the container cannot be split.</summary>
    public IReadOnlyDictionary<string, string>? SplitMuxerProperties { get; init; }

    public bool CanBeSplit => SplitMuxerProperties is not null;

    /// <summary>Sets the muxer properties of a whole or a split recording on <paramref name="muxer"/>, made from <see cref="Muxer"/>, and returns it.</summary>
    public GstElement Configure(GstElement muxer, bool split = false)
    {
        foreach (var (name, value) in split ? SplitMuxerProperties! : MuxerProperties)
        {
            muxer.SetSerialized(name, value);
        }

        return muxer;
    }
}
