using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary><c>pipewire:</c> sources against a private headless PipeWire with a 440 Hz tone node.</summary>
[TestFixture]
public sealed class PipeWireSourceTests : HeadlessPipeWireFixture
{
    [Test]
    public void RecordingTheToneNodeByNameGivesAnOpusFileOfTheRecordedLength()
    {
        using var harness = new RecorderHarness([$"pipewire:{ToneNode}"]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var info = harness.Discover();
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.4));
        Assert.That(MediaProbe.Loudness(harness.Recorder.Location).Max(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the tone is in the file");
    }

    [Test]
    public void TheDefaultInputIsRecordedWhenPipeWireHasOne() => AssertABriefRecordingIsOpus("pipewire:");

    [Test]
    public void TheToneNodeCanBeRecordedByItsObjectSerial()
    {
        var serial = Nodes().Single(node => node.Name == ToneNode).Properties["object.serial"];
        Assert.That(serial, Does.Match("^[0-9]+$"));

        AssertABriefRecordingIsOpus($"pipewire:{serial}");
    }

    [Test]
    public void AnUnknownNodeIsNotFoundAndNamed()
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve("pipewire:no-such-node"));

        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotFoundError));
        Assert.That(error.Message, Does.Contain("'no-such-node'"));
    }

    [Test]
    public void TheToneNodeResolvesToAnAudioTrack()
    {
        var source = RecorderHarness.Resolve($"pipewire:{ToneNode}");

        Assert.That(source.Kinds, Is.EquivalentTo(new[] { TrackKind.Audio }));
    }

    [Test]
    public void ANodeIsLookedUpOnlyInTheDeviceListTheSourceWasGiven()
    {
        var camera = new GstDeviceInfo("Camera", "Video/Source", new Dictionary<string, string> { ["node.name"] = "camera", ["object.serial"] = "7" });

        var video = SourceUri.Parse("pipewire:7", new FixedDevices(camera));
        video.Resolve(RecorderHarness.Owner.Files);
        var error = Assert.Throws<RecorderException>(() => SourceUri.Parse($"pipewire:{ToneNode}", new FixedDevices(camera)).Resolve(RecorderHarness.Owner.Files));

        Assert.That(video.Kinds, Is.EquivalentTo(new[] { TrackKind.Video }));
        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotFoundError), "the tone node PipeWire has is not in the list");
    }

    [Test]
    public void RecordingGoesOnAfterAPauseLongerThanTheStallTimeout()
    {
        using var harness = new RecorderHarness([$"pipewire:{ToneNode}"]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(500);
        harness.OnLoop(harness.Recorder.Pause);
        harness.WaitForEvent("pause");
        Thread.Sleep(PipeWireSource.StallTimeout + TimeSpan.FromSeconds(1));
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "pause" }), "the source keeps delivering while the recorder is paused");

        harness.OnLoop(harness.Recorder.Resume);
        harness.WaitForEvent("resume");
        Thread.Sleep(500);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "pause", "resume", "data", "stop" }));
        Assert.That(harness.Discover().Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.4));
        var loudness = MediaProbe.Loudness(harness.Recorder.Location).Skip(1).SkipLast(1).ToList();
        Assert.That(loudness, Has.Count.GreaterThanOrEqualTo(6), "most of the recording measured");
        Assert.That(loudness.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the tone before and after the pause, without a gap");
    }

    [Test]
    public void ANodeThatGoesAwayEndsTheRecordingWithUnknownErrorAndKeepsTheData()
    {
        const string node = "recorderd-test-lost";
        using var feeder = StartToneFeeder(node);
        using var harness = new RecorderHarness([$"pipewire:{node}"]);
        var messages = new List<string>();
        harness.OnLoop(() => harness.Recorder.Error += error => messages.Add(error.Message));
        var detectedAfter = harness.RecordUntilSourceIsLost(() => feeder.Kill());

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:UnknownError", "data", "stop" }));
        Assert.That(messages.Single(), Does.Contain("stopped delivering data"));
        Assert.That(detectedAfter, Is.GreaterThanOrEqualTo(PipeWireSource.StallTimeout - TimeSpan.FromSeconds(0.5)).And.LessThan(TimeSpan.FromSeconds(5)));
        var info = harness.Discover();
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), "the data gathered so far is kept");
        TestContext.Progress.WriteLine($"kept {harness.Recorder.BytesWritten} bytes, discovered duration {info.Duration.TotalSeconds:0.00} s, seekable {info.Seekable}");
    }

    private static void AssertABriefRecordingIsOpus(string uri)
    {
        using var harness = new RecorderHarness([uri]);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(500);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Discover().AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
    }
}
