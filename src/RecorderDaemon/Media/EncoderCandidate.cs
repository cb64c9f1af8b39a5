namespace RecorderDaemon.Media;

/// <summary>An encoder a codec may be recorded with: its GStreamer factory, and how <see cref="EncoderSettings"/> configures it.</summary>
public sealed record EncoderCandidate(string Factory, EncoderFamily Family)
{
    /// <summary>
    /// The hardware encoders recorderd knows, by factory, as GNOME Shell ranks them: VA (the <c>va</c> plugin, low-power
    /// first), VA-API, NVENC, then V4L2 memory-to-memory encoders. None of them is installed on the test machine.
    /// </summary>
    public static IReadOnlyList<EncoderCandidate> Hardware { get; } =
    [
        new("vah264lpenc", EncoderFamily.Va),
        new("vah264enc", EncoderFamily.Va),
        new("vaapih264enc", EncoderFamily.Vaapi),
        new("vaapivp8enc", EncoderFamily.Vaapi),
        new("vaapivp9enc", EncoderFamily.Vaapi),
        new("nvh264enc", EncoderFamily.Nvenc),
        new("v4l2h264enc", EncoderFamily.V4l2),
        new("v4l2vp8enc", EncoderFamily.V4l2),
    ];

    /// <summary>A factory named in the configuration: a known hardware encoder, or one recorderd sets nothing on.</summary>
    public static EncoderCandidate Named(string factory) =>
        Hardware.FirstOrDefault(candidate => candidate.Factory == factory) ?? new(factory, EncoderFamily.Unknown);
}
