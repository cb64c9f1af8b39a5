namespace RecorderDaemon.Tests.Bus;

/// <summary>The spec's event orders as D-Bus traffic on the wire: replies and property changes before the signals they cause.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RecorderSignalOrderTests
{
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void StartAndStopGiveRepliesPropertyChangesAndSignalsInTheContractsOrder()
    {
        using var monitor = new BusMonitor(_daemon);
        var path = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => monitor.TrafficOf(path).Contains("Started"));
        _daemon.CallRecorder(path, "Stop");
        Thread.Sleep(300);

        var location = _daemon.GetProperty(path, "io.github.recorderd.MediaRecorder1", "Location").GetString();
        var traffic = monitor.TrafficOf(path).Where(entry => !entry.StartsWith("Duration=") && !entry.StartsWith("BytesWritten=")).ToList();
        Assert.That(traffic, Is.EqualTo(new[]
        {
            "call:Start", $"Location={location}", "State=recording", "reply:Start",
            "Encoders={\"audio\":\"opusenc\",\"video\":\"vp8enc\"}", "MimeType=video/webm;codecs=vp8,opus", "Started",
            "call:Stop", "State=inactive", "MimeType=", "DataAvailable", "Stopped", "reply:Stop",
        }));
    }

    [Test]
    public void PauseResumeAndRequestDataSignalsFollowTheirReplies()
    {
        using var monitor = new BusMonitor(_daemon);
        var path = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => monitor.TrafficOf(path).Contains("Started"));
        _daemon.CallRecorder(path, "RequestData");
        _daemon.CallRecorder(path, "Pause");
        _daemon.CallRecorder(path, "Resume");
        _daemon.CallRecorder(path, "Stop");
        Thread.Sleep(300);

        // The daemon's own messages only: the test sends its next call without waiting for signals.
        var sent = monitor.TrafficOf(path).Where(entry => !entry.StartsWith("call:") && !entry.Contains('=')).SkipWhile(entry => entry != "reply:RequestData").ToList();
        Assert.That(sent, Is.EqualTo(new[]
        {
            "reply:RequestData", "DataAvailable", "reply:Pause", "Paused", "reply:Resume", "Resumed", "DataAvailable", "Stopped", "reply:Stop",
        }));
    }

    [Test]
    public void DurationAndBytesWrittenChangeAtLeastOnceASecondWhileRecording()
    {
        using var monitor = new BusMonitor(_daemon);
        var path = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u]);
        Thread.Sleep(3300);
        _daemon.CallRecorder(path, "Stop");

        var traffic = monitor.TrafficOf(path);
        Assert.That(traffic.Count(entry => entry.StartsWith("Duration=")), Is.GreaterThanOrEqualTo(3));
        Assert.That(traffic.Count(entry => entry.StartsWith("BytesWritten=")), Is.GreaterThanOrEqualTo(3));
    }
}
