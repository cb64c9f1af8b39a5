using NUnit.Framework;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>Reads back what each encoder was given; enum properties read as their numbers from gst-inspect-1.0.</summary>
public sealed class EncoderSettingsTests
{
    private const int OpusCbr = 0;
    private const int OpusVbr = 1;
    private const int VpxVbr = 0;

    [TestCase(128_000u, BitrateMode.Variable, 128_000, OpusVbr)]
    [TestCase(64_000u, BitrateMode.Constant, 64_000, OpusCbr)]
    [TestCase(0u, BitrateMode.Variable, 4_000, OpusVbr)]
    [TestCase(512_000u * 2, BitrateMode.Variable, 650_000, OpusVbr)]
    public void Gives_opusenc_a_clamped_bitrate_and_the_mode(uint bitsPerSecond, BitrateMode mode, int bitrate, int bitrateType)
    {
        using var encoder = Configure("opus", new EncoderSettings(bitsPerSecond, mode));

        Assert.That(encoder.GetInt("bitrate"), Is.EqualTo(bitrate));
        Assert.That(encoder.GetInt("bitrate-type"), Is.EqualTo(bitrateType));
    }

    [TestCase(128_000u, 128_000)]
    [TestCase(500u, 48_000)]
    [TestCase(512_000u, 238_000)]
    public void Gives_vorbisenc_an_average_bitrate_in_its_working_range_when_variable(uint bitsPerSecond, int bitrate)
    {
        using var encoder = Configure("vorbis", new EncoderSettings(bitsPerSecond, BitrateMode.Variable));

        Assert.That(encoder.GetInt("bitrate"), Is.EqualTo(bitrate));
        Assert.That(encoder.GetBoolean("managed"), Is.False);
        Assert.That((encoder.GetInt("min-bitrate"), encoder.GetInt("max-bitrate")), Is.EqualTo((-1, -1)));
    }

    [Test]
    public void Gives_vorbisenc_a_managed_fixed_bitrate_when_constant()
    {
        using var encoder = Configure("vorbis", new EncoderSettings(96_000, BitrateMode.Constant));

        Assert.That(encoder.GetBoolean("managed"), Is.True);
        Assert.That(new[] { encoder.GetInt("bitrate"), encoder.GetInt("min-bitrate"), encoder.GetInt("max-bitrate") }, Has.All.EqualTo(96_000));
    }

    [Test]
    public void Leaves_lossless_flacenc_alone() =>
        Assert.DoesNotThrow(() => Configure("flac", new EncoderSettings(128_000, BitrateMode.Constant)).Dispose());

    [TestCase("vp8", 4)]
    [TestCase("vp9", 8)]
    public void Gives_vpx_encoders_a_realtime_vbr_target(string codec, int cpuUsed)
    {
        using var encoder = Configure(codec, new EncoderSettings(2_500_000));

        Assert.That(encoder.GetInt("target-bitrate"), Is.EqualTo(2_500_000));
        Assert.That(encoder.GetInt("end-usage"), Is.EqualTo(VpxVbr));
        Assert.That(encoder.GetInt64("deadline"), Is.EqualTo(1));
        Assert.That(encoder.GetInt("cpu-used"), Is.EqualTo(cpuUsed));
        Assert.That(encoder.GetInt("keyframe-max-dist"), Is.EqualTo(128), "the encoder's default when no interval is asked for");
    }

    [Test]
    public void Keeps_vpx_bitrates_above_what_libvpx_would_read_as_automatic()
    {
        using var encoder = Configure("vp8", new EncoderSettings(0));

        Assert.That(encoder.GetInt("target-bitrate"), Is.EqualTo(1_000));
    }

    [TestCase("vp8", "keyframe-max-dist")]
    [TestCase("vp9", "keyframe-max-dist")]
    [TestCase("theora", "keyframe-force")]
    public void Turns_a_key_frame_duration_into_a_frame_distance(string codec, string property)
    {
        var settings = new EncoderSettings(1_000_000, KeyFrameInterval: KeyFrameInterval.FromDuration(TimeSpan.FromSeconds(2)), FramesPerSecond: 30);

        using var encoder = Configure(codec, settings);

        Assert.That(encoder.GetInt(property), Is.EqualTo(60));
    }

    [TestCase("vp8", "keyframe-max-dist", 100_000u, 100_000)]
    [TestCase("theora", "keyframe-force", 100_000u, 32_768)]
    [TestCase("theora", "keyframe-force", 0u, 1)]
    public void Clamps_a_key_frame_count_into_the_encoder_range(string codec, string property, uint count, int expected)
    {
        using var encoder = Configure(codec, new EncoderSettings(1_000_000, KeyFrameInterval: KeyFrameInterval.FromCount(count)));

        Assert.That(encoder.GetInt(property), Is.EqualTo(expected));
    }

    [TestCase(2_500_000u, 2_500)]
    [TestCase(10_000u, 10)]
    [TestCase(0u, 1)]
    [TestCase(1_499u, 1)]
    public void Gives_theoraenc_its_bitrate_in_kbit_per_second(uint bitsPerSecond, int kilobits)
    {
        using var encoder = Configure("theora", new EncoderSettings(bitsPerSecond));

        Assert.That(encoder.GetInt("bitrate"), Is.EqualTo(kilobits));
    }

    [Test]
    public void Refuses_an_element_that_is_not_the_codec_encoder()
    {
        using var encoder = GstElement.TryMake("vp8enc")!;

        Assert.Throws<ArgumentException>(() => new EncoderSettings(1_000_000).ApplyTo(encoder, Codec("vp9")));
    }

    private static GstElement Configure(string codecName, EncoderSettings settings)
    {
        var codec = Codec(codecName);
        var encoder = GstElement.TryMake(codec.Encoder) ?? throw new AssertionException($"no GStreamer element '{codec.Encoder}'");
        settings.ApplyTo(encoder, codec);
        return encoder;
    }

    private static CodecFormat Codec(string name) => RecordingFormats.FindCodec(name) ?? throw new AssertionException($"no codec '{name}'");
}
