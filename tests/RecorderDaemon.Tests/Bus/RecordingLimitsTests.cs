using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary><c>timeLimit</c> and <c>sizeLimit</c> stop a recording as stop() would, after a Warning naming the limit; the file is final.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class RecordingLimitsTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=320&height=240"];
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void TheTimeLimitStopsTheRecordingWithAWarningAndAFinalFileOfThatLength()
    {
        var path = _daemon.CreateRecorder(AudioVideo, ("timeLimit", 1500u));
        using var signals = new RecorderSignalLog(_daemon, path);

        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "Warning", "DataAvailable", "Stopped" }));
        Assert.That(signals.TextOf("Warning"), Does.Contain("time limit (timeLimit) of 1500 ms"));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        var info = Discover(path);
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.5).Within(0.25));
        Assert.That(info.Seekable, Is.True);
    }

    [Test]
    public void PausedTimeDoesNotCountTowardsTheTimeLimit()
    {
        var path = _daemon.CreateRecorder(AudioVideo, ("timeLimit", 1500u));
        using var signals = new RecorderSignalLog(_daemon, path);
        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        Thread.Sleep(500);
        _daemon.CallRecorder(path, "Pause");
        Thread.Sleep(1500);

        Assert.That(_daemon.RecorderState(path), Is.EqualTo("paused"), "1.5 s have passed, but only 0.5 s were recorded");
        _daemon.CallRecorder(path, "Resume");
        signals.WaitFor("Stopped");
        Assert.That(Discover(path).Duration.TotalSeconds, Is.EqualTo(1.5).Within(0.3));
    }

    [Test]
    public void TheSizeLimitStopsTheRecordingSoonAfterTheFileReachesIt()
    {
        const int limit = 200_000;
        var path = _daemon.CreateRecorder(AudioVideo, ("sizeLimit", (ulong)limit), ("videoBitsPerSecond", 2_000_000u));
        using var signals = new RecorderSignalLog(_daemon, path);

        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "Warning", "DataAvailable", "Stopped" }));
        Assert.That(signals.TextOf("Warning"), Does.Contain($"size limit (sizeLimit) of {limit} bytes"));
        var length = new FileInfo(Location(path)).Length;
        Assert.That(length, Is.InRange(limit, limit + 150_000), "checked every 100 ms, at 2 Mbit/s: about 25 kB over, plus what the stop drains");
        Assert.That(Discover(path).Seekable, Is.True);
    }

    private string Location(string path) => _daemon.GetProperty(path, Recorder, "Location").GetString();

    private MediaInfo Discover(string path) => GstDiscoverer.Discover(new Uri(Location(path)).AbsoluteUri, TimeSpan.FromSeconds(10));
}
