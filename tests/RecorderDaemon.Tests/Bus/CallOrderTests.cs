using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// A recorder's calls take effect in the order a client sent them, also when it does not wait for each reply: Start
/// finishes off the daemon's loop, and the recorder's later calls wait for it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class CallOrderTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void CallsSentStraightAfterStartWithoutWaitingForItsReplySeeTheRecordingStarted()
    {
        var path = _daemon.CreateRecorder(["test:audio"]);

        var start = Call(path, "Start", 0u);
        var afterStart = State(path);
        var pause = Call(path, "Pause");
        var afterPause = State(path);
        var stop = Call(path, "Stop");
        var afterStop = State(path);

        Assert.That(Task.WhenAll(start, pause, stop).Wait(TimeSpan.FromSeconds(30)), Is.True, "Start, Pause and Stop were answered, none with an error");
        Assert.That(new[] { afterStart.Result, afterPause.Result, afterStop.Result }, Is.EqualTo(new[] { "recording", "paused", "inactive" }));
        Assert.That(new FileInfo(_daemon.GetProperty(path, Recorder, "Location").GetString()).Length, Is.GreaterThan(0), "the recording's file");
        _daemon.CallRecorder(path, "Destroy");
    }

    [TestCase("maxFileDuration", 3000u, new[] { "Started", "Paused", "DataAvailable", "Stopped" }, TestName = "{m}(split into files)")]
    [TestCase("replayBuffer", 5u, new[] { "Started", "Paused", "Stopped" }, TestName = "{m}(replay buffer)")]
    public void ARecordingPausedStraightAfterItsStartStopsWithoutAWarning(string option, uint value, string[] expectedSignals)
    {
        var path = _daemon.CreateRecorder(["test:audio"], (option, value));
        using var signals = new RecorderSignalLog(_daemon, path);

        var calls = new[] { Call(path, "Start", 0u), Call(path, "Pause"), Call(path, "Stop") };

        Assert.That(Task.WhenAll(calls).Wait(TimeSpan.FromSeconds(30)), Is.True, "Start, Pause and Stop were answered, none with an error");
        signals.WaitFor("Stopped");
        Assert.That(signals.Members, Is.EqualTo(expectedSignals), "no Warning that the pipeline was torn down undrained: it played, though its sink had no data");
        _daemon.CallRecorder(path, "Destroy");
    }

    private Task Call(string path, string method, params VariantValue[] arguments) =>
        _daemon.Client.CallAsync(RecorderdProcess.BusName, path, Recorder, method, arguments);

    private async Task<string> State(string path) =>
        (await _daemon.Client.CallAsync(RecorderdProcess.BusName, path, "org.freedesktop.DBus.Properties", "Get", [Recorder, "State"], Replies.Variant)).GetString();
}
