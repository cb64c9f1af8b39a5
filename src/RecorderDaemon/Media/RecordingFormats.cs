using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The one table of what recorderd can record: containers, codecs, which codec fits which container,
/// and the GStreamer elements each needs. No codec needs a parser before its muxer: each encoder
/// already puts the stream headers muxers want into its caps.
/// </summary>
public static class RecordingFormats
{
    /// <summary>Each file of a split recording starts at 0, as if recorded on its own.</summary>
    private static readonly Dictionary<string, string> PartsStartAtZero = new() { ["offset-to-zero"] = "true" };

    public static readonly ContainerFormat WebM = new("webm", "webmmux", "webm", DefaultAudio: "opus", DefaultVideo: "vp8", HoldsSeveralAudioTracks: true)
    {
        SplitMuxerProperties = PartsStartAtZero,
    };

    /// <summary>Not splittable: splitmuxsink (GStreamer 1.22) finds no pad of oggmux (<c>sink_%d</c>) for its audio or video inputs.</summary>
    public static readonly ContainerFormat Ogg = new("ogg", "oggmux", "ogg", DefaultAudio: "opus", DefaultVideo: "theora", HoldsSeveralAudioTracks: true);

    public static readonly ContainerFormat Matroska = new("x-matroska", "matroskamux", "mkv", DefaultAudio: "opus", DefaultVideo: "vp8", HoldsSeveralAudioTracks: true)
    {
        AudioExtension = "mka",
        SplitMuxerProperties = PartsStartAtZero,
    };

    /// <summary>
    /// Fragmented: the header first, then a fragment (its index, then its data) every half second, so a recording cut
    /// short (the daemon killed, the power lost) plays up to its last half second; a clean stop adds the duration and a
    /// random-access index. Not GNOME Shell's <c>first-moov-then-finalise</c>, which writes each fragment's index after
    /// its data: a file of it killed under load played only its first fragment.
    /// The files of a split recording are written whole, at each file's end: fragmented, every file after the first
    /// claimed the duration of the whole recording so far (its fragments' decode times run on from the previous file).
    /// </summary>
    public static readonly ContainerFormat Mp4 = new("mp4", "mp4mux", "mp4", DefaultAudio: "mp4a.40.2", DefaultVideo: "avc1", HoldsSeveralAudioTracks: true)
    {
        AudioExtension = "m4a",
        MuxerProperties = new Dictionary<string, string> { ["fragment-duration"] = "500" },
        SplitMuxerProperties = new Dictionary<string, string>(),
    };

    public static IReadOnlyList<ContainerFormat> Containers { get; } = [WebM, Ogg, Matroska, Mp4];

    /// <summary>H.264, whose codec string may name a profile and level (<see cref="H264Profile"/>).</summary>
    public static readonly CodecFormat H264 = new("avc1", TrackKind.Video, "openh264enc", "h264parse", EncoderFamily.H264, "video/x-h264", ["x-matroska", "mp4"])
    {
        Hardware = HardwareFor("vah264lpenc", "vah264enc", "vaapih264enc", "nvh264enc", "v4l2h264enc"),
    };

    /// <summary>In order of preference; the order of <see cref="KnownFormats"/> follows it.</summary>
    public static IReadOnlyList<CodecFormat> Codecs { get; } =
    [
        new("vp8", TrackKind.Video, "vp8enc", null, EncoderFamily.Vp8, "video/x-vp8", ["webm", "ogg", "x-matroska"])
        {
            Hardware = HardwareFor("vaapivp8enc", "v4l2vp8enc"),
        },
        new("vp9", TrackKind.Video, "vp9enc", "vp9parse", EncoderFamily.Vp9, "video/x-vp9", ["webm", "x-matroska", "mp4"])
        {
            Hardware = HardwareFor("vaapivp9enc"),
        },
        H264,
        new("av01", TrackKind.Video, "av1enc", "av1parse", EncoderFamily.Av1, "video/x-av1", ["webm", "x-matroska", "mp4"]),
        new("theora", TrackKind.Video, "theoraenc", null, EncoderFamily.Theora, "video/x-theora", ["ogg", "x-matroska"]),
        new("opus", TrackKind.Audio, "opusenc", "opusparse", EncoderFamily.Opus, "audio/x-opus", ["webm", "ogg", "x-matroska", "mp4"]),
        new("vorbis", TrackKind.Audio, "vorbisenc", null, EncoderFamily.Vorbis, "audio/x-vorbis", ["webm", "ogg", "x-matroska"]),
        new("flac", TrackKind.Audio, "flacenc", null, EncoderFamily.Flac, "audio/x-flac", ["ogg", "x-matroska"]),
        new("mp4a.40.2", TrackKind.Audio, "voaacenc", "aacparse", EncoderFamily.Aac, "audio/mpeg", ["x-matroska", "mp4"]),
        new("pcm", TrackKind.Audio, "capsfilter", null, EncoderFamily.Pcm, "audio/x-raw", ["x-matroska"]),
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

    /// <summary>
    /// The codec for a lower-case <c>codecs=</c> identifier: its name (<c>opus</c>, <c>mp4a.40.2</c>), or a name without
    /// a dot followed by RFC 6381 details (<c>avc1.42e01e</c> is <c>avc1</c>; the details are not checked yet).
    /// </summary>
    public static CodecFormat? FindCodec(string id) =>
        Codecs.FirstOrDefault(codec => codec.Name == id)
        ?? Codecs.FirstOrDefault(codec => !codec.Name.Contains('.') && id.StartsWith(codec.Name + ".", StringComparison.Ordinal));

    private static EncoderCandidate[] HardwareFor(params string[] factories) => [.. factories.Select(EncoderCandidate.Named)];

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
