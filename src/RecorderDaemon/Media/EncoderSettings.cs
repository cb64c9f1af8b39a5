using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The targets one encoder is given at <c>start()</c>, and how each codec's encoder takes them.
/// Bitrates outside what an encoder accepts are clamped into its range, never refused: the spec's
/// bitrates are targets (C1), and 0 therefore means the encoder's minimum.
/// </summary>
/// <param name="BitsPerSecond">the target for this track</param>
/// <param name="AudioBitrateMode">used by audio encoders only</param>
/// <param name="KeyFrameInterval">used by video encoders only; null leaves the encoder's default</param>
/// <param name="FramesPerSecond">the video's frame rate, needed to turn a key-frame duration into frames</param>
public sealed record EncoderSettings(
    uint BitsPerSecond,
    BitrateMode AudioBitrateMode = BitrateMode.Variable,
    KeyFrameInterval? KeyFrameInterval = null,
    double FramesPerSecond = 0)
{
    private const long RealtimeDeadline = 1;

    /// <summary>Configures <paramref name="encoder"/>, made from <paramref name="codec"/>'s software encoder factory, before it starts.</summary>
    public void ApplyTo(GstElement encoder, CodecFormat codec) => ApplyTo(encoder, codec.Software);

    /// <summary>Configures <paramref name="encoder"/>, made from <paramref name="candidate"/>'s factory, before it starts.</summary>
    public void ApplyTo(GstElement encoder, EncoderCandidate candidate)
    {
        if (encoder.FactoryName != candidate.Factory)
        {
            throw new ArgumentException($"'{encoder.FactoryName}' is not the encoder '{candidate.Factory}'", nameof(encoder));
        }

        switch (candidate.Family)
        {
            case EncoderFamily.Opus:
                encoder.Set("bitrate", Clamp(BitsPerSecond, 4_000, 650_000))
                    .SetNick("bitrate-type", AudioBitrateMode == BitrateMode.Constant ? "cbr" : "vbr");
                break;
            case EncoderFamily.Vorbis:
                ApplyVorbis(encoder);
                break;
            case EncoderFamily.Flac:
                break; // lossless: its size follows the signal, there is no bitrate to set
            case EncoderFamily.Aac:
                encoder.Set("bitrate", Clamp(BitsPerSecond, 32_000, 320_000));
                break;
            case EncoderFamily.Pcm:
                encoder.SetSerialized("caps", "audio/x-raw,format=S16LE");
                break;
            case EncoderFamily.Vp8:
                ApplyVpx(encoder, cpuUsed: 4);
                break;
            case EncoderFamily.Vp9:
                // VP9 needs its fastest realtime speed and row threading for 640x480@30 on 2 cores.
                ApplyVpx(encoder, cpuUsed: 8).Set("row-mt", true);
                break;
            case EncoderFamily.Theora:
                ApplyTheora(encoder);
                break;
            case EncoderFamily.H264:
                ApplyH264(encoder);
                break;
            case EncoderFamily.Av1:
                ApplyAv1(encoder);
                break;
            case EncoderFamily.Va:
                ApplyHardware(encoder, keyFrameProperty: "key-int-max");
                break;
            case EncoderFamily.Vaapi:
                ApplyHardware(encoder, keyFrameProperty: "keyframe-period");
                break;
            case EncoderFamily.Nvenc:
                ApplyHardware(encoder, keyFrameProperty: "gop-size");
                break;
            case EncoderFamily.V4l2:
                encoder.SetSerialized("extra-controls", $"controls,video_bitrate={Clamp(BitsPerSecond, 1_000, int.MaxValue)}");
                break;
            case EncoderFamily.Unknown:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(candidate), candidate.Family, "unknown encoder family");
        }
    }

    // libvorbis accepts far less than the property's -1..250001: at 44.1/48 kHz, mono fails above
    // ~239 kbit/s and stereo below ~45 kbit/s (the encoder then fails to negotiate), so the range is
    // what works for both. Below 6000 the element also logs a g_warning.
    private void ApplyVorbis(GstElement encoder)
    {
        var bitrate = Clamp(BitsPerSecond, 48_000, 238_000);
        encoder.Set("bitrate", bitrate);
        if (AudioBitrateMode == BitrateMode.Constant)
        {
            encoder.Set("managed", true).Set("min-bitrate", bitrate).Set("max-bitrate", bitrate);
        }
    }

    // target-bitrate is handed to libvpx in kbit/s, so below 1000 it would become 0, "automatic".
    // VBR meets the target on average, which is all the spec asks (C1).
    private GstElement ApplyVpx(GstElement encoder, int cpuUsed)
    {
        encoder.Set("target-bitrate", Clamp(BitsPerSecond, 1_000, int.MaxValue))
            .SetNick("end-usage", "vbr")
            .Set("deadline", RealtimeDeadline)
            .Set("cpu-used", cpuUsed);
        if (KeyFrameInterval is not null)
        {
            encoder.Set("keyframe-max-dist", Clamp(KeyFrameInterval.FrameDistance(FramesPerSecond), 1, int.MaxValue));
        }

        return encoder;
    }

    // Theora's bitrate is in kbit/s and 0 would switch to quality mode, so the minimum is 1.
    private void ApplyTheora(GstElement encoder)
    {
        encoder.Set("bitrate", Clamp((BitsPerSecond + 500UL) / 1000, 1, 16_777_215));
        if (KeyFrameInterval is not null)
        {
            encoder.Set("keyframe-force", Clamp(KeyFrameInterval.FrameDistance(FramesPerSecond), 1, 32_768));
        }
    }

    // openh264's default rate control aims at a quality, not the bitrate; "low" complexity keeps 640x480@30 realtime on 2 cores.
    private void ApplyH264(GstElement encoder)
    {
        encoder.Set("bitrate", (uint)Clamp(BitsPerSecond, 1_000, int.MaxValue))
            .SetNick("rate-control", "bitrate")
            .SetNick("complexity", "low");
        if (KeyFrameInterval is not null)
        {
            encoder.Set("gop-size", (uint)Clamp(KeyFrameInterval.FrameDistance(FramesPerSecond), 1, int.MaxValue));
        }
    }

    // libaom's realtime profile at its fastest speed, without look-ahead (which would delay every frame), in kbit/s.
    private void ApplyAv1(GstElement encoder)
    {
        encoder.Set("target-bitrate", (uint)Clamp((BitsPerSecond + 500UL) / 1000, 1, int.MaxValue))
            .SetNick("usage-profile", "realtime")
            .SetNick("end-usage", "vbr")
            .Set("cpu-used", 10)
            .Set("lag-in-frames", 0u)
            .Set("row-mt", true);
        if (KeyFrameInterval is not null)
        {
            encoder.Set("keyframe-max-dist", Clamp(KeyFrameInterval.FrameDistance(FramesPerSecond), 1, int.MaxValue));
        }
    }

    // Untested here (no GPU): a property these encoders lack makes the encoder fail to set up, and the next is tried.
    // Their key-frame properties differ in type (uint for VA and VA-API, int for NVENC); serialized, GLib converts.
    private void ApplyHardware(GstElement encoder, string keyFrameProperty)
    {
        encoder.SetSerialized("bitrate", $"{Clamp((BitsPerSecond + 500UL) / 1000, 1, int.MaxValue)}");
        if (KeyFrameInterval is not null)
        {
            encoder.SetSerialized(keyFrameProperty, $"{Clamp(KeyFrameInterval.FrameDistance(FramesPerSecond), 1, int.MaxValue)}");
        }
    }

    private static int Clamp(ulong value, int min, int max) => (int)Math.Clamp(value, (ulong)min, (ulong)max);
}
