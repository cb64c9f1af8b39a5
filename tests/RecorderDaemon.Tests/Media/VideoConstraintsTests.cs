using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// <c>width</c>, <c>height</c>, <c>framerate</c> on a <c>file://</c> source, the cheapest non-test video source:
/// a 2 s, 640x480 (4:3), 30 fps white file. The PipeWire screen case is in <see cref="PipeWireVideoTests"/>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class VideoConstraintsTests
{
    private string _directory = "";
    private string _whiteFile = "";

    [OneTimeSetUp]
    public void MakeAFourByThreeFile()
    {
        _directory = Directory.CreateTempSubdirectory("recorderd-constraints-").FullName;
        _whiteFile = Path.Combine(_directory, "white 4x3.webm");
        ChildProcess.Succeed("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=60", "pattern=white",
            "!", "video/x-raw,width=640,height=480,framerate=30/1", "!", "vp8enc", "deadline=1", "!", "webmmux", "!", "filesink", $"location={_whiteFile}");
    }

    [OneTimeTearDown]
    public void RemoveTheFile() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void AFourByThreeFileAt320x180And10FpsIsPillarboxedAndReTimed()
    {
        var (frames, thumbnail, duration) = Record("width=320&height=180&framerate=10");

        Assert.That((frames.Width, frames.Height), Is.EqualTo((320, 180)));
        Assert.That(duration.TotalSeconds, Is.EqualTo(2.0).Within(0.3));
        Assert.That(frames.Count, Is.EqualTo(20).Within(3), "10 frames a second, not the file's 30");
        Assert.That(thumbnail.Select(row => row[0]).Concat(thumbnail.Select(row => row[^1])), Has.All.LessThan(40), "black bars left and right");
        Assert.That(thumbnail.Select(row => row[8]), Has.All.GreaterThan(200), "the white picture in the middle");
    }

    [Test]
    public void AWidthAloneKeepsThePicturesAspectRatio()
    {
        var (frames, thumbnail, _) = Record("width=320");

        Assert.That((frames.Width, frames.Height), Is.EqualTo((320, 240)));
        Assert.That(thumbnail.SelectMany(row => row), Has.All.GreaterThan(200), "no bars");
    }

    private ((int Width, int Height, int Count) Frames, byte[][] Thumbnail, TimeSpan Duration) Record(string query)
    {
        using var harness = new RecorderHarness([$"{new Uri(_whiteFile).AbsoluteUri}?{query}"]);
        harness.Start();
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var frames = MediaProbe.VideoFrames(harness.Recorder.Location);
        var thumbnail = MediaProbe.FirstFrameThumbnail(harness.Recorder.Location);
        var duration = harness.Discover().Duration;
        TestContext.Progress.WriteLine($"{query}: {duration.TotalSeconds:0.000} s, {frames.Count} frames of {frames.Width}x{frames.Height}; middle row {string.Join(' ', thumbnail[4])}");
        return (frames, thumbnail, duration);
    }
}
