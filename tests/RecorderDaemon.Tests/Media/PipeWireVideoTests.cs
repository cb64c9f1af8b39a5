using System.Diagnostics;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary><c>pipewire:</c> video sources: virtual screens (<see cref="VirtualScreen"/>) on a private headless PipeWire, a fresh one per recording.</summary>
[TestFixture]
public sealed class PipeWireVideoTests : HeadlessPipeWireFixture
{
    [Test]
    public void ThreeSecondsOfAScreenGiveThreeSecondsOfVideoAtItsSize()
    {
        using var screen = StartVirtualScreen("screen-800x600");
        using var harness = new RecorderHarness([$"pipewire:{screen.Name}"]);

        RecordFor(harness, TimeSpan.FromSeconds(3));

        var info = harness.Discover();
        var frames = MediaProbe.VideoFrames(harness.Recorder.Location);
        TestContext.Progress.WriteLine($"{info.Duration.TotalSeconds:0.000} s, {frames.Count} frames of {frames.Width}x{frames.Height}");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(3.0).Within(0.4), "every frame is timestamped, not only the first");
        Assert.That((frames.Width, frames.Height), Is.EqualTo((800, 600)));
        Assert.That(frames.Count, Is.EqualTo(90).Within(15));
    }

    [Test]
    public void AScreenIsRecordedByItsObjectSerialToo()
    {
        using var screen = StartVirtualScreen("screen-by-serial");
        Assert.That(screen.Serial, Does.Match("^[0-9]+$"));
        using var harness = new RecorderHarness([$"pipewire:{screen.Serial}"]);

        RecordFor(harness, TimeSpan.FromSeconds(1));

        Assert.That(harness.Discover().Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.4));
    }

    [Test]
    public void AStillScreenDoesNotTripTheStallWatchdogAndIsRecordedToTheEnd()
    {
        using var screen = StartOnDemandScreen("still-screen");
        using var harness = new RecorderHarness([$"pipewire:{screen.Name}"]);
        harness.Start();
        var elapsed = Stopwatch.StartNew();
        var feeding = Task.Run(() => screen.SendFrames(10, 10));
        harness.WaitForEvent("start");
        feeding.Wait();

        // Nothing changes on the screen for longer than the stall timeout.
        Thread.Sleep(PipeWireSource.StallTimeout + TimeSpan.FromSeconds(1.5));
        harness.Stop();
        var recorded = elapsed.Elapsed;

        var info = harness.Discover();
        TestContext.Progress.WriteLine($"recorded {recorded.TotalSeconds:0.00} s, file {info.Duration.TotalSeconds:0.00} s");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }), "no error: a still screen is not a lost one");
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(recorded.TotalSeconds).Within(0.6), "the still picture lasts until stop");
    }

    [Test]
    public void AScreenThatGoesAwayStillEndsTheRecordingWithUnknownError()
    {
        using var screen = StartVirtualScreen("lost-screen");
        using var harness = new RecorderHarness([$"pipewire:{screen.Name}"]);
        var detectedAfter = harness.RecordUntilSourceIsLost(screen.Dispose);

        Assert.That(detectedAfter, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:UnknownError", "data", "stop" }), "the keepalive does not hide a lost node");
        Assert.That(harness.Discover().VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }), "the data gathered so far is kept");
    }

    [Test]
    public void AFourByThreeScreenAskedFor1280x720At15FpsIsPillarboxedToThatSizeAndRate()
    {
        using var screen = StartVirtualScreen("white-4-3", pattern: "white");
        using var harness = new RecorderHarness([$"pipewire:{screen.Name}?width=1280&height=720&framerate=15"]);

        RecordFor(harness, TimeSpan.FromSeconds(2));

        var info = harness.Discover();
        var frames = MediaProbe.VideoFrames(harness.Recorder.Location);
        var thumbnail = MediaProbe.FirstFrameThumbnail(harness.Recorder.Location);
        TestContext.Progress.WriteLine($"{info.Duration.TotalSeconds:0.000} s, {frames.Count} frames of {frames.Width}x{frames.Height}; middle row {string.Join(' ', thumbnail[4])}");
        Assert.That((frames.Width, frames.Height), Is.EqualTo((1280, 720)));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(2.0).Within(0.4));
        Assert.That(frames.Count, Is.EqualTo(30).Within(7), "15 frames a second, not the screen's 30");

        // 800x600 scaled to 960x720 leaves a black bar of 160 pixels (2 of 16 columns) on each side.
        Assert.That(thumbnail.Select(row => row[0]).Concat(thumbnail.Select(row => row[^1])), Has.All.LessThan(40), "black bars left and right");
        Assert.That(thumbnail.Select(row => row[8]), Has.All.GreaterThan(200), "the white picture in the middle, top to bottom");
    }

    [Test]
    public void VideoConstraintsOnAnAudioNodeAreInvalidArguments()
    {
        var error = Assert.Throws<ArgumentException>(() => RecorderHarness.Resolve($"pipewire:{ToneNode}?width=640"));

        Assert.That(error!.Message, Does.Contain("apply to video"));
    }

    private static void RecordFor(RecorderHarness harness, TimeSpan length)
    {
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(length);
        harness.Stop();
    }
}
