using RecorderDaemon.Media;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// The encoding options (checklist C, C10) where the user sees them: in the recorded file's packets,
/// read back by demuxing it. Each recording is one track from a test source that ends after a second.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderEncodingTests
{
    private const string Tone = "test:audio?duration=1000";
    private const string Frames = "test:video?width=160&height=120&framerate=30&duration=1000";

    [Test]
    public void AConstantAudioBitrateGivesPacketsThatAllHoldTheBitrateFor20Ms()
    {
        var packets = Record(Tone, new RecorderOptions { AudioBitsPerSecond = 64_000, AudioBitrateMode = BitrateMode.Constant });

        // opusenc's 20 ms frames at 64 kbit/s: 160 bytes each, the last one padded.
        Assert.That(packets.Select(packet => packet.Size).ToArray(), Has.Length.GreaterThan(25).And.All.EqualTo(160));
    }

    [Test]
    public void AVariableAudioBitrateGivesPacketsOfVaryingSizes()
    {
        var packets = Record(Tone, new RecorderOptions { AudioBitsPerSecond = 64_000, AudioBitrateMode = BitrateMode.Variable });

        Assert.That(packets.Select(packet => packet.Size).Distinct().Count(), Is.GreaterThan(1));
    }

    [TestCase(10u)]
    [TestCase(4u)]
    public void AKeyFrameIntervalCountPutsKeyFramesAtMostThatManyFramesApart(uint count)
    {
        var packets = Record(Frames, new RecorderOptions { VideoKeyFrameIntervalCount = count });

        Assert.That(LongestKeyFrameDistance(packets), Is.LessThanOrEqualTo(count), "the most frames from one key frame to the next");
    }

    [Test]
    public void AKeyFrameIntervalDurationPutsKeyFramesAtMostThatLongApart()
    {
        var packets = Record(Frames, new RecorderOptions { VideoKeyFrameIntervalDuration = 200 });

        Assert.That(LongestKeyFrameDistance(packets), Is.LessThanOrEqualTo(6), "the most frames from one key frame to the next; 200 ms is 6 frames at 30 per second");
    }

    /// <summary>The contrast that lets the tests above fail: vp8enc's own maximum distance is 128 frames.</summary>
    [Test]
    public void WithoutAKeyFrameIntervalASecondOfVideoHasOnlyItsFirstKeyFrame()
    {
        var packets = Record(Frames, new RecorderOptions());

        Assert.That(LongestKeyFrameDistance(packets), Is.EqualTo(packets.Count), "one key frame, the first frame");
    }

    private static IReadOnlyList<MediaProbe.Packet> Record(string source, RecorderOptions options)
    {
        using var harness = new RecorderHarness([source], options);
        harness.Start();
        harness.WaitForStopped();
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        return MediaProbe.Packets(harness.Recorder.Location);
    }

    /// <summary>The most frames from a key frame to the next one, or to the end of the file after the last.</summary>
    private static int LongestKeyFrameDistance(IReadOnlyList<MediaProbe.Packet> frames)
    {
        Assert.That(frames, Has.Count.GreaterThan(20), "about a second of video at 30 frames per second, long enough for several key frames to be due");
        Assert.That(frames[0].IsKeyFrame, Is.True, "a file starts with a key frame");
        var keyFrames = Enumerable.Range(0, frames.Count).Where(index => frames[index].IsKeyFrame).Append(frames.Count).ToList();
        return keyFrames.Zip(keyFrames.Skip(1), (keyFrame, next) => next - keyFrame).Max();
    }
}
