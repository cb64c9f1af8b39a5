using System.Diagnostics;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Bus;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// <c>desktop-audio:</c> and <c>app-audio:</c> sources against a private headless PipeWire with an output (a null sink)
/// that an application named <see cref="Player"/> plays an 880 Hz tone into. <c>app-audio:</c> is recorded by a real
/// daemon: it lists PipeWire's streams while recording, which only a daemon's device watch does safely (probing PipeWire's
/// device provider while a pipewiresrc of the same process runs deadlocks in PipeWire 0.3.65).
/// </summary>
[TestFixture]
public sealed class DesktopAudioSourceTests : HeadlessPipeWireFixture
{
    private const string Speakers = "recorderd-test-speakers";
    private const string Player = "recorderd-test-player";

    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    private HeadlessPipeWire.NullSink? _speakers;
    private Process? _player;
    private DaemonProcess? _daemon;

    private DaemonProcess Daemon => _daemon ?? throw new InvalidOperationException("the daemon is not running");

    [OneTimeSetUp]
    public void StartPlaying()
    {
        _speakers = PipeWire.CreateNullSink(Speakers);
        _player = PipeWire.PlayInto(Speakers, Player, frequency: 880);
        _daemon = new DaemonProcess(Variables.ToDictionary(variable => variable.Key, variable => (string?)variable.Value));
    }

    [OneTimeTearDown]
    public void StopPlaying()
    {
        _daemon?.Dispose();
        _player?.Kill();
        _player?.Dispose();
        _speakers?.Dispose();
    }

    [TestCase("desktop-audio:")]
    [TestCase($"desktop-audio:{Speakers}")]
    public void WhatAnOutputPlaysIsRecordedAsAnOpusFileOfTheRecordedLength(string uri)
    {
        using var harness = new RecorderHarness([uri]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        AssertAudible(harness.Recorder.Location);
    }

    [Test]
    public void AnOutputIsRecordedInStereoKeepingWhatPlaysOnTheRightOnTheRight()
    {
        using var player = PipeWire.PlayInto(Speakers, "recorderd-test-right", frequency: 660, onlyRight: true);
        using var harness = new RecorderHarness([$"desktop-audio:{Speakers}"]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.Stop();
        player.Kill();

        var left = MediaProbe.Loudness(harness.Recorder.Location, band: (620, 700), channel: 0).Skip(3).ToList();
        var right = MediaProbe.Loudness(harness.Recorder.Location, band: (620, 700), channel: 1).Skip(3).ToList();
        Assert.That(harness.Discover().AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(right, Has.Count.GreaterThanOrEqualTo(5), "most of the recording measured, in a second channel");
        Assert.That(right.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 660 Hz tone on the right");
        // Measured against the right rather than against silence: Opus's stereo coding leaves a trace of the tone on the left,
        // -62 to -63 dB in most runs and -59.7 dB in one, with the right at -7 dB; a mono mix would put both at one level.
        Assert.That(left.Max(level => level.RmsDecibels), Is.LessThan(right.Min(level => level.RmsDecibels) - 40), "nothing of it on the left");
    }

    [Test]
    public void DesktopAudioAndAMicrophoneAreMixedIntoOneTrackCarryingBoth()
    {
        using var harness = new RecorderHarness(["desktop-audio:", $"pipewire:{ToneNode}"]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1500);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var info = harness.Discover();
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), "one audio track");
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.5).Within(0.5));
        var microphone = MediaProbe.Loudness(harness.Recorder.Location, band: (400, 480)).Skip(3).ToList();
        var desktop = MediaProbe.Loudness(harness.Recorder.Location, band: (840, 920)).Skip(3).ToList();
        Assert.That(microphone, Has.Count.GreaterThanOrEqualTo(8), "most of the recording measured");
        Assert.That(desktop, Has.Count.GreaterThanOrEqualTo(8), "most of the recording measured");
        Assert.That(microphone.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 440 Hz microphone all along");
        Assert.That(desktop.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 880 Hz desktop all along");
    }

    [Test]
    public void WithSeparateAudioTracksTheDesktopAndTheMicrophoneAreATrackEach()
    {
        using var harness = new RecorderHarness(["desktop-audio:", $"pipewire:{ToneNode}"], new RecorderOptions { AudioTracks = AudioTrackLayout.Separate });
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1500);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Discover().AudioTypes, Is.EqualTo(new[] { "audio/x-opus", "audio/x-opus" }), "two audio tracks");
        var loudest = new[] { 0, 1 }.Select(track => (
            Microphone: MediaProbe.Loudness(harness.Recorder.Location, band: (400, 480), track: track).Skip(3).Max(level => level.RmsDecibels),
            Desktop: MediaProbe.Loudness(harness.Recorder.Location, band: (840, 920), track: track).Skip(3).Max(level => level.RmsDecibels))).ToList();
        Assert.That(loudest.Count(track => track.Microphone > MediaProbe.AudibleDecibels && track.Desktop < MediaProbe.SilentDecibels), Is.EqualTo(1), "a track of the 440 Hz microphone alone");
        Assert.That(loudest.Count(track => track.Desktop > MediaProbe.AudibleDecibels && track.Microphone < MediaProbe.SilentDecibels), Is.EqualTo(1), "a track of the 880 Hz desktop alone");
    }

    [Test]
    public void WhatAnApplicationPlaysIsRecordedAsAnOpusFileOfTheRecordedLength()
    {
        var location = RecordWithDaemon($"app-audio:{Player}", _ => Thread.Sleep(1000));

        AssertAudible(location);
    }

    [Test]
    public void AnApplicationThatPlaysNothingIsRecordedAsSilenceNotAnError()
    {
        var location = RecordWithDaemon("app-audio:recorderd-test-nobody", _ => Thread.Sleep(1000));

        var info = Discover(location);
        var loudness = MediaProbe.Loudness(location);
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.5));
        Assert.That(loudness.Max(level => level.RmsDecibels), Is.LessThan(MediaProbe.SilentDecibels));
    }

    [Test]
    public void AnApplicationIsFollowedAsItsStreamsComeAndGo()
    {
        const string application = "recorderd-test-late-player";
        var started = TimeSpan.Zero;
        var stopped = TimeSpan.Zero;
        var location = RecordWithDaemon($"app-audio:{application}", recording =>
        {
            Thread.Sleep(1000);
            started = recording.Elapsed;
            using (var player = PipeWire.PlayInto(Speakers, application, frequency: 660))
            {
                Thread.Sleep(1500);
                player.Kill();
                player.WaitForExit();
            }

            stopped = recording.Elapsed;
            Thread.Sleep(1500);
        });

        var loudness = MediaProbe.Loudness(location);
        Assert.That(Peak(loudness, TimeSpan.Zero, started - TimeSpan.FromSeconds(0.3)), Is.LessThan(MediaProbe.SilentDecibels), "silent before it plays");
        Assert.That(Peak(loudness, started + TimeSpan.FromSeconds(0.7), stopped - TimeSpan.FromSeconds(0.2)), Is.GreaterThan(MediaProbe.AudibleDecibels), "its stream is heard once it plays");
        Assert.That(Peak(loudness, stopped + TimeSpan.FromSeconds(0.8), TimeSpan.MaxValue), Is.LessThan(MediaProbe.SilentDecibels), "silent again once its stream is gone");
    }

    [Test]
    public void AnUnknownOutputIsNotFoundAndNamed()
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve("desktop-audio:no-such-output"));

        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotFoundError));
        Assert.That(error.Message, Does.Contain("'no-such-output'"));
    }

    [Test]
    public void AnOutputIsNotAPipeWireInput()
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve($"pipewire:{Speakers}"));

        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotFoundError));
    }

    [Test]
    public void DevicesListTheOutputAndThePlayingApplicationBesideTheInputs()
    {
        var entries = Daemon.CallManager("EnumerateDevices", Replies.Dictionaries)
            .Select(device => (device["deviceId"].GetString(), device["kind"].GetString()))
            .ToList();

        Assert.That(entries, Does.Contain(($"desktop-audio:{Speakers}", "audiooutput")));
        Assert.That(entries, Does.Contain(($"app-audio:{Player}", "audiooutput")));
        Assert.That(entries, Does.Contain(($"pipewire:{ToneNode}", "audioinput")));
    }

    [Test]
    public void RecorderctlDevicesShowsTheOutputAndThePlayingApplication()
    {
        var result = Ctl.Recorderctl.Run(["--bus-address", Daemon.Address, "devices"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Has.Some.Match($"^audiooutput +desktop-audio:{Speakers} "));
        Assert.That(result.Output, Has.Some.Match($"^audiooutput +app-audio:{Player} "));
    }

    [Test]
    public void AnUnknownOutputIsNotFoundOverTheBusAndLeavesNoFile()
    {
        var before = Daemon.Files();

        var error = DaemonProcess.ErrorOf(() => Daemon.CreateRecorder(["desktop-audio:no-such-output"]));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"));
        Assert.That(error.Message, Does.Contain("'no-such-output'"));
        Assert.That(Daemon.Files(), Is.EqualTo(before));
    }

    /// <summary>
    /// Records <paramref name="uri"/> with the daemon until <paramref name="during"/> returns, which is given a stopwatch
    /// started with the recording, whose times are roughly those of the file; returns the file's path.
    /// </summary>
    private string RecordWithDaemon(string uri, Action<Stopwatch> during)
    {
        var path = Daemon.CreateRecorder([uri]);
        Daemon.CallRecorder(path, "Start", [0u]);
        during(Stopwatch.StartNew());
        Daemon.CallRecorder(path, "Stop");
        Poll.Until(() => Daemon.RecorderState(path) == "inactive", "the recording's end");
        var location = Daemon.GetProperty(path, Recorder, "Location").GetString();
        Daemon.CallRecorder(path, "Destroy");
        return location;
    }

    private static void AssertAudible(string location)
    {
        var info = Discover(location);
        var loudness = MediaProbe.Loudness(location);

        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.5));
        Assert.That(loudness.Max(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the tone playing is in the file");
    }

    private static MediaInfo Discover(string location) => GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));

    private static double Peak(IReadOnlyList<(TimeSpan Time, double RmsDecibels)> loudness, TimeSpan from, TimeSpan to) =>
        loudness.Where(level => level.Time >= from && level.Time <= to).Select(level => level.RmsDecibels).DefaultIfEmpty(double.NaN).Max();
}
