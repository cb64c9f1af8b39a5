using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// The video encoder ranking through the daemon's configuration (there is no GPU here): a candidate that exists but
/// cannot encode is tried first, given up before Started, and the recording is made by the next one, which the
/// <c>Encoders</c> property names, with one Warning saying so and no Error.
/// </summary>
[TestFixture]
public sealed class EncoderFallbackTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    [Test]
    public void ACandidateThatCannotEncodeIsPassedOverBeforeStartedWithAWarning()
    {
        // identity exists, but what it gives is raw video, not VP8.
        using var daemon = new DaemonProcess("--Recorderd:VideoEncoders:vp8:0=identity");
        var location = Path.Combine(daemon.Directory, "fallback.webm");
        var path = daemon.CreateRecorder(["test:audio", "test:video?pattern=ball"], ("mimeType", "video/webm;codecs=vp8,opus"), ("location", location));
        using var signals = new RecorderSignalLog(daemon, path);

        daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        Thread.Sleep(1000);
        daemon.CallRecorder(path, "Stop");
        signals.WaitFor("Stopped");

        Assert.That(signals.Members, Is.EqualTo(new[] { "Warning", "Started", "DataAvailable", "Stopped" }));
        Assert.That(signals.TextOf("Warning"), Does.Contain("identity").And.Contain("recording with vp8enc"));
        var encoders = daemon.GetProperty(path, Recorder, "Encoders").GetDictionary<string, string>();
        Assert.That(encoders, Is.EquivalentTo(new Dictionary<string, string> { ["audio"] = "opusenc", ["video"] = "vp8enc" }));
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.6), "the file holds the recording, not the attempt");
    }

    [Test]
    public void AnEncoderOfAnotherCodecIsPassedOverRatherThanRecordingTheWrongCodec()
    {
        var (signals, videoEncoder) = RecordVp8Briefly("--Recorderd:VideoEncoders:vp8:0=vp9enc");

        Assert.That(signals, Is.EqualTo(new[] { "Warning", "Started", "DataAvailable", "Stopped" }));
        Assert.That(videoEncoder, Is.EqualTo("vp8enc"));
    }

    [Test]
    public void ACandidateThatIsNotInstalledIsSkippedSilently()
    {
        var (signals, videoEncoder) = RecordVp8Briefly("--Recorderd:VideoEncoders:vp8:0=no-such-encoder");

        Assert.That(signals, Is.EqualTo(new[] { "Started", "DataAvailable", "Stopped" }));
        Assert.That(videoEncoder, Is.EqualTo("vp8enc"));
    }

    [Test]
    public void EncodersIsEmptyBeforeTheFirstStart()
    {
        using var daemon = new DaemonProcess();
        var path = daemon.CreateRecorder(["test:audio"]);

        Assert.That(daemon.GetProperty(path, Recorder, "Encoders").GetDictionary<string, string>(), Is.Empty);
    }

    [Test]
    public void AVideoEncodersSettingForANonVideoCodecStopsTheDaemonNamingIt()
    {
        var error = Assert.Throws<DaemonExitedException>(() => new DaemonProcess("--Recorderd:VideoEncoders:opus:0=identity").Dispose());

        Assert.That(error!.Output, Does.Contain("Recorderd:VideoEncoders:opus must be a video codec"));
    }

    /// <summary>Records test video as VP8 from start to stop with a daemon of <paramref name="setting"/>; the recorder's signals and video encoder.</summary>
    private static (IReadOnlyList<string> Signals, string VideoEncoder) RecordVp8Briefly(string setting)
    {
        using var daemon = new DaemonProcess(setting);
        var path = daemon.CreateRecorder(["test:video"], ("mimeType", "video/webm;codecs=vp8"));
        using var signals = new SignalLog(daemon, Recorder, path);
        daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        daemon.CallRecorder(path, "Stop");
        signals.WaitFor("Stopped");
        return ([.. signals.Members], daemon.GetProperty(path, Recorder, "Encoders").GetDictionary<string, string>()["video"]);
    }
}
