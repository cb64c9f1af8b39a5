using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Recording onto a small tmpfs with a daemon that keeps 2 MiB free: a start below that is refused, a recording that
/// crosses it ends with a final file, and a disk that fills anyway (no minimum) is QuotaExceededError. The daemon and
/// another recording go on.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DiskSpaceTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const int MinimumFree = 2 << 20;
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=320&height=240&pattern=snow"];
    private SmallFileSystem _disk = null!;

    [SetUp]
    public void MountSmallDisk() => _disk = SmallFileSystem.Mount(megabytes: 8);

    [TearDown]
    public void UnmountSmallDisk() => _disk.Dispose();

    [Test]
    public void StartBelowTheMinimumIsQuotaExceededAndLeavesNoFile()
    {
        using var daemon = new DaemonProcess($"--Recorderd:MinimumFreeSpaceBytes={MinimumFree}");
        _disk.LeaveFree(MinimumFree - (512 << 10));
        var path = daemon.CreateRecorder(AudioVideo, ("location", Path.Combine(_disk.Directory, "refused.webm")));

        var error = DaemonProcess.ErrorOf(() => daemon.CallRecorder(path, "Start", [0u]));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.QuotaExceededError"));
        Assert.That(error.ErrorMessage, Does.Contain("1.5 MiB are free").And.Contain("keeps 2 MiB free"));
        Assert.That(daemon.RecorderState(path), Is.EqualTo("inactive"));
        Assert.That(Directory.GetFiles(_disk.Directory).Select(Path.GetFileName), Is.EqualTo(new[] { "filler" }));
    }

    [Test]
    public void ARecordingThatCrossesTheMinimumEndsWithQuotaExceededAndAFinalFile()
    {
        using var daemon = new DaemonProcess($"--Recorderd:MinimumFreeSpaceBytes={MinimumFree}");
        _disk.LeaveFree(MinimumFree + (512 << 10));
        var location = Path.Combine(_disk.Directory, "ended.webm");
        var path = daemon.CreateRecorder(AudioVideo, ("location", location), ("videoBitsPerSecond", 2_000_000u));
        using var signals = new RecorderSignalLog(daemon, path);

        daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "Error", "DataAvailable", "Stopped" }));
        Assert.That(signals.TextOf("Error"), Is.EqualTo("QuotaExceededError"));
        Assert.That(_disk.FreeBytes, Is.GreaterThan(MinimumFree / 2), "ended before the disk was full");
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.Duration.TotalSeconds, Is.GreaterThan(1));
        Assert.That(info.Seekable, Is.True, "the file was finalized");
    }

    [Test]
    public void ADiskThatFillsIsQuotaExceededAndAnotherRecordingGoesOn()
    {
        using var daemon = new DaemonProcess("--Recorderd:MinimumFreeSpaceBytes=0");
        var other = daemon.CreateRecorder(["test:audio"]);
        daemon.CallRecorder(other, "Start", [0u]);
        _disk.LeaveFree(256 << 10);
        var path = daemon.CreateRecorder(AudioVideo, ("location", Path.Combine(_disk.Directory, "full.webm")), ("videoBitsPerSecond", 2_000_000u));
        using var signals = new RecorderSignalLog(daemon, path);

        daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "Error", "DataAvailable", "Stopped" }));
        Assert.That(signals.TextOf("Error"), Is.EqualTo("QuotaExceededError"));
        Thread.Sleep(1000);
        Assert.That(daemon.RecorderState(other), Is.EqualTo("recording"));
        daemon.CallRecorder(other, "Stop");
        var otherFile = daemon.GetProperty(other, Recorder, "Location").GetString();
        Assert.That(GstDiscoverer.Discover(new Uri(otherFile).AbsoluteUri, TimeSpan.FromSeconds(10)).Duration.TotalSeconds, Is.GreaterThan(1));
    }
}
