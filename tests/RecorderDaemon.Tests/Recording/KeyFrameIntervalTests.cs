using NUnit.Framework;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

public sealed class KeyFrameIntervalTests
{
    [TestCase(30u, 30)]
    [TestCase(1u, 1)]
    [TestCase(0u, 1)]
    public void Keeps_a_count_whatever_the_frame_rate(uint count, int expected) =>
        Assert.That(KeyFrameInterval.FromCount(count).FrameDistance(framesPerSecond: 25), Is.EqualTo(expected));

    [TestCase(1000, 30.0, 30)]
    [TestCase(100, 30.0, 3)]
    [TestCase(110, 30.0, 4)]
    [TestCase(1000, 30000.0 / 1001, 30)]
    [TestCase(2000, 29.97, 60)]
    [TestCase(0, 30.0, 1)]
    public void Turns_a_duration_into_the_frames_it_takes_to_reach_it(int milliseconds, double framesPerSecond, int expected) =>
        Assert.That(KeyFrameInterval.FromDuration(TimeSpan.FromMilliseconds(milliseconds)).FrameDistance(framesPerSecond), Is.EqualTo(expected));

    [Test]
    public void Needs_a_frame_rate_for_a_duration_only()
    {
        Assert.That(KeyFrameInterval.FromCount(10).FrameDistance(0), Is.EqualTo(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyFrameInterval.FromDuration(TimeSpan.FromSeconds(1)).FrameDistance(0));
    }
}
