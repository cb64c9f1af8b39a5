using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The one table of what recorderd can record: containers, codecs, which codec fits which container,
/// and the GStreamer elements each needs. No codec needs a parser before its muxer: each encoder
/// already puts the stream headers muxers want into its caps.
/// </summary>
public static class RecordingFormats
{
    public static readonly ContainerFormat WebM = new("webm", "webmmux", "webm", DefaultAudio: "opus", DefaultVideo: "vp8", HoldsSeveralAudioTracks: true);

    public static readonly ContainerFormat Ogg = new("ogg", "oggmux", "ogg", DefaultAudio: "opus", DefaultVideo: "theora", HoldsSeveralAudioTracks: true);

    public static IReadOnlyList<ContainerFormat> Containers { get; } = [WebM, Ogg];

    /// <summary>In order of preference; the order of <see cref="KnownFormats"/> follows it.</summary>
    public static IReadOnlyList<CodecFormat> Codecs { get; } =
    [
        new("vp8", TrackKind.Video, "vp8enc", null, EncoderFamily.Vp8, "video/x-vp8", ["webm", "ogg"]),
        new("vp9", TrackKind.Video, "vp9enc", null, EncoderFamily.Vp9, "video/x-vp9", ["webm"]),
        new("theora", TrackKind.Video, "theoraenc", null, EncoderFamily.Theora, "video/x-theora", ["ogg"]),
        new("opus", TrackKind.Audio, "opusenc", null, EncoderFamily.Opus, "audio/x-opus", ["webm", "ogg"]),
        new("vorbis", TrackKind.Audio, "vorbisenc", null, EncoderFamily.Vorbis, "audio/x-vorbis", ["webm", "ogg"]),
        new("flac", TrackKind.Audio, "flacenc", null, EncoderFamily.Flac, "audio/x-flac", ["ogg"]),
    ];

    /// <summary>
    /// Every combination the table allows, whether installed or not: per container, each audio codec
    /// as <c>audio/…</c>, then each video codec alone and with each audio codec as <c>video/…</c>.
    /// </summary>
    public static IReadOnlyList<RecordingFormat> KnownFormats { get; } = Containers.SelectMany(Combinations).ToArray();

    /// <summary>The known formats whose elements are all installed; asks the GStreamer registry on each call.</summary>
    public static IEnumerable<RecordingFormat> SupportedFormats => KnownFormats.Where(format => format.FindMissingElement() is null);

    /// <summary>The full MIME types (with codecs) this machine can record, in canonical form.</summary>
    public static IReadOnlyList<string> SupportedMimeTypes => SupportedFormats.Select(format => format.MimeType).ToArray();

    /// <summary>The container for a MIME subtype, e.g. <c>webm</c>.</summary>
    public static ContainerFormat? FindContainer(string subtype) => Containers.FirstOrDefault(container => container.Name == subtype);

    /// <summary>The codec for a lower-case <c>codecs=</c> identifier, e.g. <c>opus</c>.</summary>
    public static CodecFormat? FindCodec(string name) => Codecs.FirstOrDefault(codec => codec.Name == name);

    private static IEnumerable<RecordingFormat> Combinations(ContainerFormat container)
    {
        var audio = CodecsFitting(container, TrackKind.Audio);
        var video = CodecsFitting(container, TrackKind.Video);
        return audio.Select(a => RecordingFormat.Compose("audio", container, a, null))
            .Concat(video.Select(v => RecordingFormat.Compose("video", container, null, v)))
            .Concat(video.SelectMany(v => audio.Select(a => RecordingFormat.Compose("video", container, a, v))));
    }

    private static CodecFormat[] CodecsFitting(ContainerFormat container, TrackKind kind) =>
        Codecs.Where(codec => codec.Kind == kind && codec.FitsIn(container)).ToArray();
}
