using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>What a recording is made of: a container and one codec per recorded track kind.</summary>
/// <param name="MimeType">the full type reported once recording starts, e.g. <c>video/webm;codecs=vp8,opus</c></param>
/// <param name="VideoProfile">the H.264 profile and level an <c>avc1.PPCCLL</c> codec string asked for; null for the encoder's</param>
public sealed record RecordingFormat(string MimeType, ContainerFormat Container, CodecFormat? Audio, CodecFormat? Video, H264Profile? VideoProfile = null)
    : IRecordingFormat
{
    public string Extension => Video is null ? Container.AudioExtension ?? Container.Extension : Container.Extension;

    public bool HoldsSeveralAudioTracks => Container.HoldsSeveralAudioTracks;

    public bool CanBeSplit => Container.CanBeSplit;

    /// <summary>Every element factory the pipeline needs: muxer, encoders and parsers.</summary>
    public IEnumerable<string> RequiredElements =>
        new[] { Container.Muxer, Video?.Encoder, Video?.Parser, Audio?.Encoder, Audio?.Parser }.OfType<string>();

    /// <summary>Builds the canonical form: video codec first (as its codec string when it has a profile), no spaces, no quotes.</summary>
    /// <param name="type">the top-level type, <c>audio</c> or <c>video</c></param>
    public static RecordingFormat Compose(string type, ContainerFormat container, CodecFormat? audio, CodecFormat? video, H264Profile? videoProfile = null)
    {
        var codecs = string.Join(',', new[] { videoProfile?.Id ?? video?.Name, audio?.Name }.OfType<string>());
        return new($"{type}/{container.Name};codecs={codecs}", container, audio, video, videoProfile);
    }

    /// <summary>The first required element the GStreamer registry lacks, or null when all are installed.</summary>
    public string? FindMissingElement() => RequiredElements.FirstOrDefault(element => !GstRuntime.HasElement(element));
}
