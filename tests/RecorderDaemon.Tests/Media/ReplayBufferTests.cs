using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// <c>replayBuffer</c>: the last seconds kept in memory and saved on demand to a final file that starts on a key frame at
/// 0, as often as asked, while the buffer goes on; memory stays bounded; nothing is written otherwise.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ReplayBufferTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const double KeyFrameSeconds = 2; // the default key-frame interval of a replay buffer
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=320&height=240"];
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void AFiveSecondBufferFedForTwelveSavesFiveSecondsFromAKeyFrameTwice()
    {
        var directory = Directory.CreateTempSubdirectory("recorderd-replay-").FullName;
        var (path, signals) = StartReplay(AudioVideo, ("replayBuffer", 5u));
        using var _ = signals;
        Thread.Sleep(12_000);

        var first = SaveReplay(path, Path.Combine(directory, "replay.webm"));
        Thread.Sleep(1000);
        var second = SaveReplay(path, Path.Combine(directory, "replay.webm"));

        Assert.That(first, Is.EqualTo(Path.Combine(directory, "replay.webm")));
        Assert.That(second, Is.EqualTo(Path.Combine(directory, "replay (2).webm")), "never overwritten");
        Assert.That(signals.Signals.Where(signal => signal.Member == "ReplaySaved").Select(signal => signal.Text), Is.EqualTo(new[] { first, second }));
        foreach (var file in new[] { first, second })
        {
            var info = GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10));
            TestContext.Progress.WriteLine($"{file}: {info.Duration.TotalSeconds:0.000} s");
            Assert.That(info.Duration.TotalSeconds, Is.InRange(5.0, 5.0 + KeyFrameSeconds + 0.1), "the span asked for, plus at most one key-frame interval");
            Assert.That(info.Seekable, Is.True);
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
            var (last, frames) = MediaProbe.DecodedVideo(file);
            Assert.That(last.TotalSeconds, Is.EqualTo(info.Duration.TotalSeconds).Within(0.1), "timestamps start at 0");
            Assert.That(frames, Is.EqualTo((int)Math.Round(info.Duration.TotalSeconds * 30)).Within(2));
        }

        Assert.That(_daemon.RecorderState(path), Is.EqualTo("recording"), "saving does not interrupt the buffer");
        _daemon.CallRecorder(path, "Stop");
        Assert.That(Directory.GetFiles(directory), Has.Length.EqualTo(2));
    }

    [Test]
    public void ASavedReplayStartsOnAKeyFrame()
    {
        var directory = Directory.CreateTempSubdirectory("recorderd-replay-").FullName;
        var (path, signals) = StartReplay(["test:video?width=320&height=240"], ("replayBuffer", 2u));
        using var _ = signals;
        Thread.Sleep(5000);

        var file = SaveReplay(path, Path.Combine(directory, "video.webm"));
        _daemon.CallRecorder(path, "Destroy");

        var packets = MediaProbe.Packets(file);
        Assert.That(packets[0].IsKeyFrame, Is.True);
        Assert.That(packets.Count, Is.InRange(60, 60 + (int)(KeyFrameSeconds * 30) + 2));
    }

    [Test]
    public void PausedTimeIsLeftOutAndStopWritesNothing()
    {
        var directory = Directory.CreateTempSubdirectory("recorderd-replay-").FullName;
        var (path, signals) = StartReplay(AudioVideo, ("replayBuffer", 3u));
        using var _ = signals;
        Thread.Sleep(1500);
        _daemon.CallRecorder(path, "Pause");
        Thread.Sleep(2000);
        _daemon.CallRecorder(path, "Resume");
        Thread.Sleep(1500);

        var file = SaveReplay(path, Path.Combine(directory, "paused.webm"));
        _daemon.CallRecorder(path, "Stop");

        Assert.That(GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10)).Duration.TotalSeconds, Is.EqualTo(3.0).Within(0.5),
            "3 s of recording, without the 2 s paused");
        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "Paused", "Resumed", "ReplaySaved", "Stopped" }), "no DataAvailable: no file is written");
        Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { file }));
    }

    [Test]
    public void MemoryStaysBoundedOverAMinute()
    {
        var (path, signals) = StartReplay(AudioVideo, ("replayBuffer", 5u), ("videoBitsPerSecond", 2_000_000u));
        using var _ = signals;
        Thread.Sleep(15_000);
        var settled = ResidentBytes();
        var buffered = new List<double>();
        for (var second = 15; second < 60; second += 5)
        {
            Thread.Sleep(5000);
            buffered.Add(_daemon.GetProperty(path, Recorder, "ReplayBuffered").GetUInt64() / 1e6);
        }

        var grown = ResidentBytes() - settled;
        _daemon.CallRecorder(path, "Destroy");
        TestContext.Progress.WriteLine($"held {string.Join(", ", buffered.Select(seconds => $"{seconds:0.0}"))} s; RSS grew {grown / 1e6:0.0} MB from 15 s to 60 s");
        Assert.That(buffered, Is.All.InRange(5.0, 5.0 + KeyFrameSeconds + 1.1));
        Assert.That(grown, Is.LessThan(8_000_000), "2 Mbit/s for 45 s is 11 MB: the buffer must not keep it");
    }

    [Test]
    public void SaveReplayIsNotSupportedWithoutABufferAndRefusesAMalformedLocation()
    {
        var plain = _daemon.CreateRecorder(["test:audio"]);
        _daemon.CallRecorder(plain, "Start", [0u]);
        Assert.That(DaemonProcess.ErrorOf(() => SaveReplay(plain, "")).ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        _daemon.CallRecorder(plain, "Destroy");

        var replay = _daemon.CreateRecorder(["test:audio"], ("replayBuffer", 5u));
        Assert.That(DaemonProcess.ErrorOf(() => SaveReplay(replay, "")).ErrorName, Is.EqualTo("io.github.recorderd.Error.InvalidStateError"), "inactive");
        _daemon.CallRecorder(replay, "Start", [0u]);
        Assert.That(DaemonProcess.ErrorOf(() => SaveReplay(replay, "take %q.webm")).ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        Assert.That(DaemonProcess.ErrorOf(() => _daemon.CallRecorder(replay, "RequestData")).ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        _daemon.CallRecorder(replay, "Destroy");
    }

    [TestCase(0u)]
    [TestCase(3601u)]
    public void AReplayBufferOutsideOneSecondToAnHourIsInvalidArgs(uint seconds)
    {
        var error = DaemonProcess.ErrorOf(() => _daemon.CreateRecorder(["test:audio"], ("replayBuffer", seconds)));
        Assert.That(error.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        Assert.That(error.ErrorMessage, Does.Contain("1 to 3600"));
    }

    /// <summary>Creates and starts a recorder, and waits for Started; its signals are logged from before the start.</summary>
    private (string Path, RecorderSignalLog Signals) StartReplay(string[] sources, params (string Key, VariantValue Value)[] options)
    {
        var path = _daemon.CreateRecorder(sources, options);
        var signals = new RecorderSignalLog(_daemon, path);
        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        return (path, signals);
    }

    private string SaveReplay(string path, string location) =>
        _daemon.Call(path, Recorder, "SaveReplay", static (message, _) => message.GetBodyReader().ReadString(), [location]);

    private long ResidentBytes() =>
        long.Parse(File.ReadLines($"/proc/{_daemon.ProcessId}/status").Single(line => line.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
