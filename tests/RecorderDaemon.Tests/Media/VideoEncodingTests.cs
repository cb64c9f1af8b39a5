using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// What the video encoders write, read back as a player's demuxer sees it: 8-bit 4:2:0 whatever the source, and the
/// H.264 profile and level an RFC 6381 codec string asks for.
/// </summary>
[TestFixture]
public sealed class VideoEncodingTests
{
    [TestCase("video/webm;codecs=vp8", "video/x-vp8")]
    [TestCase("video/webm;codecs=vp9", "profile=(string)0")]
    [TestCase("video/webm;codecs=av01", "profile=(string)main")]
    [TestCase("video/mp4;codecs=avc1", "profile=(string)constrained-baseline")]
    [TestCase("video/ogg;codecs=theora", "video/x-theora")]
    public void EveryCodecWritesEightBitFourTwoZeroThatEveryPlayerPlays(string mimeType, string expected)
    {
        var caps = Record(mimeType);

        Assert.That(caps, Does.Contain(expected));
        Assert.That(caps, Does.Not.Contain("chroma-format=(string)4:4:4").And.Not.Contain("bit-depth-luma=(uint)12"));
    }

    // Asked for High, openh264 writes its constrained subset, which every High decoder plays.
    [TestCase("video/mp4;codecs=avc1.4D401F", "main", "3.1")]
    [TestCase("video/x-matroska;codecs=avc1.640028", "constrained-high", "4")]
    [TestCase("video/mp4;codecs=avc1.42E01E", "constrained-baseline", "3")]
    public void AnAvc1CodecStringGetsItsProfileAndLevel(string mimeType, string profile, string level)
    {
        var caps = Record(mimeType);

        Assert.That(caps, Does.Match($@"profile=\(string\){profile}(,|$)"));
        Assert.That(caps, Does.Match($@"level=\(string\){level}(,|$)"));
    }

    /// <summary>Records a second of test video as <paramref name="mimeType"/>; returns the discovered caps of its video.</summary>
    private static string Record(string mimeType)
    {
        using var harness = new RecorderHarness(["test:video?pattern=ball"], new RecorderOptions { MimeType = mimeType });
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.Stop();
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        return MediaProbe.DiscoveredVideoCaps(harness.Recorder.Location);
    }
}
