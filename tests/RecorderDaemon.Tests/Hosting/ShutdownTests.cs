using System.Diagnostics;
using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// SIGTERM (systemctl stop) and SIGINT (Ctrl+C) finalize every recording before the daemon exits; so does losing the
/// bus, which then exits as a failure for the service manager to restart recorderd.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ShutdownTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(15);

    [TestCase("TERM", 3)]
    [TestCase("INT", 1)]
    public void ASignalFinalizesEveryActiveRecordingThenExitsZero(string signal, int recorders)
    {
        using var daemon = new DaemonProcess($"--Recorderd:ShutdownTimeoutSeconds={ShutdownBound.TotalSeconds}");
        var paths = Enumerable.Range(0, recorders).Select(_ => daemon.CreateRecorder(AudioVideo)).ToList();
        var startCalled = new List<Stopwatch>();
        foreach (var path in paths)
        {
            startCalled.Add(Stopwatch.StartNew());
            daemon.CallRecorder(path, "Start", [0u]);
        }

        // Started (the header is in the file) for all, then about a second of recording.
        Poll.Until(() => paths.All(path => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0));
        var sinceAllStarted = Stopwatch.StartNew();
        var locations = paths.Select(path => daemon.GetProperty(path, Recorder, "Location").GetString()).ToList();
        Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, 1 - sinceAllStarted.Elapsed.TotalSeconds)));

        var recordedAtLeast = sinceAllStarted.Elapsed;
        daemon.Signal(signal);
        var recordedAtMost = startCalled.Select(watch => watch.Elapsed).ToList();
        var exitWatch = Stopwatch.StartNew();
        Assert.That(daemon.WaitForExit(ShutdownBound + TimeSpan.FromSeconds(5)), Is.True, $"recorderd still runs after SIG{signal}: {daemon.Output}");
        Assert.Multiple(() =>
        {
            Assert.That(daemon.ExitCode, Is.Zero, daemon.Output);
            Assert.That(exitWatch.Elapsed, Is.LessThan(ShutdownBound));
            Assert.That(daemon.Output, Does.Contain($"Finalized {recorders} recordings"));
        });

        for (var i = 0; i < recorders; i++)
        {
            var info = GstDiscoverer.Discover(new Uri(locations[i]).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.Multiple(() =>
            {
                Assert.That(info.ContainerType, Is.EqualTo("video/webm"), locations[i]);
                Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }), locations[i]);
                Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), locations[i]);
                Assert.That(info.Seekable, Is.True, $"{locations[i]} has no cues/duration: it was not finalized");
                Assert.That(info.Duration, Is.InRange(recordedAtLeast - TimeSpan.FromMilliseconds(200), recordedAtMost[i] + TimeSpan.FromMilliseconds(300)), locations[i]);
            });
        }
    }

    [Test]
    public void LosingTheBusFinalizesTheRecordingAndExitsAsAFailure()
    {
        using var daemon = new DaemonProcess($"--Recorderd:ShutdownTimeoutSeconds={ShutdownBound.TotalSeconds}");
        var path = daemon.CreateRecorder(AudioVideo);
        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0);
        var location = daemon.GetProperty(path, Recorder, "Location").GetString();
        Thread.Sleep(TimeSpan.FromSeconds(1));

        daemon.KillBus();

        Assert.That(daemon.WaitForExit(ShutdownBound + TimeSpan.FromSeconds(5)), Is.True, $"recorderd still runs without its bus: {daemon.Output}");
        Assert.That(daemon.ExitCode, Is.EqualTo(69), daemon.Output);
        Assert.That(daemon.Output, Does.Contain("Lost the bus name io.github.recorderd: the connection to the bus closed"));
        Assert.That(daemon.Output, Does.Contain("Finalized 1 recordings"));
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.Seekable, Is.True, "the file has its cues and duration: it was finalized");
        Assert.That(info.Duration.TotalSeconds, Is.GreaterThan(0.8));
    }
}
