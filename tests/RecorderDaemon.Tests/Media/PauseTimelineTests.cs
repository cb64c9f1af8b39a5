using RecorderDaemon.Media;

namespace RecorderDaemon.Tests.Media;

[TestFixture]
public sealed class PauseTimelineTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Test]
    public void PausedIntervalsAreCutOutOfTheRecordedTime()
    {
        var timeline = new PauseTimeline();
        timeline.Pause(S(3));
        Assert.That(timeline.RecordedAt(S(5)), Is.EqualTo(S(3)), "recorded time stands still while paused");
        timeline.Resume(S(6));
        Assert.That(timeline.PausedTotal, Is.EqualTo(S(3)));
        Assert.That(timeline.RecordedAt(S(9)), Is.EqualTo(S(6)));
    }

    [Test]
    public void RepeatedPausesAndResumesCountOnce()
    {
        var timeline = new PauseTimeline();
        timeline.Pause(S(1));
        timeline.Pause(S(2));
        timeline.Resume(S(4));
        timeline.Resume(S(5));
        timeline.Pause(S(6));
        timeline.Resume(S(7));
        Assert.That(timeline.PausedTotal, Is.EqualTo(S(4)));
    }
}
