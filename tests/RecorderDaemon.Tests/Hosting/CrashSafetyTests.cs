using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// A daemon killed mid-recording (SIGKILL: nothing of it runs after) leaves a file that plays up to within 1.5 s of the
/// kill, in every container: WebM and Matroska clusters and Ogg pages are written as they fill, MP4 is fragmented.
/// And a clean stop gives an MP4 that is finalised: its duration known, seekable.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class CrashSafetyTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly TimeSpan RecordedBeforeTheKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MayBeLost = TimeSpan.FromSeconds(1.5);
    private static readonly string[] Sources = ["test:audio", "test:video?pattern=ball&width=320&height=240"];

    [TestCase("video/webm", "webm")]
    [TestCase("video/x-matroska", "mkv")]
    [TestCase("video/mp4", "mp4")]
    [TestCase("video/ogg", "ogg")]
    public void AKilledDaemonLeavesAFileThatPlaysUpToTheKill(string mimeType, string extension)
    {
        using var daemon = new DaemonProcess();
        var location = Path.Combine(daemon.Directory, $"killed.{extension}");
        var path = daemon.CreateRecorder(Sources, ("mimeType", mimeType), ("location", location));
        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => Recorded(daemon, path) >= RecordedBeforeTheKill, "three seconds recorded", TimeSpan.FromSeconds(20));
        var recorded = Recorded(daemon, path);

        daemon.Signal("KILL");
        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(10)), Is.True, "the daemon died");

        var (last, frames) = MediaProbe.DecodedVideo(location);
        Assert.That(frames, Is.GreaterThan(30), "frames decode from the file");
        Assert.That(last, Is.GreaterThan(recorded - MayBeLost), $"it plays up to within {MayBeLost.TotalSeconds} s of the {recorded.TotalSeconds:0.0} s recorded");
    }

    [Test]
    public void ACleanStopFinalisesAnMp4()
    {
        using var daemon = new DaemonProcess();
        var location = Path.Combine(daemon.Directory, "stopped.mp4");
        var path = daemon.CreateRecorder(Sources, ("mimeType", "video/mp4"), ("location", location));
        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => Recorded(daemon, path) >= TimeSpan.FromSeconds(2), "two seconds recorded", TimeSpan.FromSeconds(20));
        daemon.CallRecorder(path, "Stop");
        Poll.Until(() => daemon.RecorderState(path) == "inactive", "the recording's end");
        var recorded = Recorded(daemon, path);
        daemon.CallRecorder(path, "Destroy");

        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.ContainerType, Is.EqualTo("video/quicktime"));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-h264" }));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/mpeg" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(recorded.TotalSeconds).Within(0.5), "the duration is in the file");
        Assert.That(info.Seekable, Is.True);
    }

    private static TimeSpan Recorded(DaemonProcess daemon, string path) =>
        TimeSpan.FromTicks((long)daemon.GetProperty(path, Recorder, "Duration").GetUInt64() * 10);
}
