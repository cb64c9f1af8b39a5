using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>GstElement's action signals and <c>format-location</c>, on a real <c>splitmuxsink</c> writing WebM.</summary>
[TestFixture]
public sealed class SplitMuxSinkTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("recorderd-splitmux-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void EachFragmentIsNamedByTheHandler()
    {
        using var muxer = GstElements.Make("webmmux");
        var sink = GstElements.Make("splitmuxsink").Set("muxer", muxer).Set("max-size-time", (ulong)TimeSpan.FromSeconds(1).TotalNanoseconds);
        var fragments = new List<uint>();
        sink.OnFormatLocation(fragment =>
        {
            lock (fragments)
            {
                fragments.Add(fragment);
            }

            return Path.Combine(_directory, $"part{fragment}.webm");
        });

        using (var run = new TestPipeline([.. EncodedVideo(live: false), sink]))
        {
            run.RunToEnd();
        }

        Assert.That(fragments, Is.EqualTo(new uint[] { 0, 1, 2 }));
        Assert.That(FileNames(), Is.EqualTo(new[] { "part0.webm", "part1.webm", "part2.webm" }));
        Assert.That(FileNames().Select(Discover), Is.All.EqualTo((TimeSpan.FromSeconds(1), "video/x-vp8")), "a second of VP8 in each");
    }

    [Test]
    public void ANullOrFailingHandlerFallsBackToTheLocationPattern()
    {
        using var muxer = GstElements.Make("webmmux");
        var sink = GstElements.Make("splitmuxsink")
            .Set("muxer", muxer)
            .Set("max-size-time", (ulong)TimeSpan.FromSeconds(1).TotalNanoseconds)
            .Set("location", Path.Combine(_directory, "fallback%u.webm"));
        sink.OnFormatLocation(fragment => fragment switch
        {
            0 => Path.Combine(_directory, "part0.webm"),
            1 => null,
            _ => throw new InvalidOperationException($"no name for fragment {fragment}"),
        });
        var reported = new List<Exception>();
        void Report(Exception exception)
        {
            lock (reported)
            {
                reported.Add(exception);
            }
        }

        NativeCallbackErrors.Unhandled += Report;
        try
        {
            using var run = new TestPipeline([.. EncodedVideo(live: false), sink]);
            run.RunToEnd();
        }
        finally
        {
            NativeCallbackErrors.Unhandled -= Report;
        }

        Assert.That(FileNames(), Is.EqualTo(new[] { "fallback1.webm", "fallback2.webm", "part0.webm" }));
        Assert.That(reported.Select(exception => exception.Message), Is.EqualTo(new[] { "no name for fragment 2" }));
    }

    [Test]
    public void SplitAfterStartsANewFileDuringARun()
    {
        using var muxer = GstElements.Make("webmmux");
        var sink = GstElements.Make("splitmuxsink").Set("muxer", muxer);
        using var secondFile = new ManualResetEventSlim();
        sink.OnFormatLocation(fragment =>
        {
            if (fragment == 1)
            {
                secondFile.Set();
            }

            return Path.Combine(_directory, $"part{fragment}.webm");
        });

        using (var run = new TestPipeline([.. EncodedVideo(live: true), sink]))
        {
            run.Start();
            Poll.Until(() => run.Pipeline.Position >= TimeSpan.FromSeconds(1), "a second of video");
            sink.EmitAction("split-after");
            Assert.That(secondFile.Wait(TimeSpan.FromSeconds(10)), Is.True, "the second file was named");
            Thread.Sleep(TimeSpan.FromSeconds(0.5)); // live frames for the second file
            run.Pipeline.SendEndOfStream();
            run.WaitForEnd();
        }

        Assert.That(FileNames(), Is.EqualTo(new[] { "part0.webm", "part1.webm" }));
        var (before, _) = Discover("part0.webm");
        Assert.That(before, Is.GreaterThan(TimeSpan.FromSeconds(1)), "split after the current GOP, not at once");
        Assert.That(before.Ticks % TimeSpan.FromSeconds(0.5).Ticks, Is.Zero, "split at a key frame (every 0.5 s)");
        var (after, video) = Discover("part1.webm");
        Assert.That(after, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(video, Is.EqualTo("video/x-vp8"));
    }

    [Test]
    public void EmittingAnActionTheElementLacksNamesElementAndSignal()
    {
        using var sink = GstElements.Make("splitmuxsink");

        Assert.That(() => sink.EmitAction("split-sometime"), Throws.InvalidOperationException.With.Message.EqualTo(
            "GStreamer element 'splitmuxsink' has no action signal 'split-sometime' without arguments or result"));
        Assert.That(() => sink.EmitAction("format-location"), Throws.InvalidOperationException.With.Message.Contains("'format-location'"),
            "a signal with an argument and a result, and not an action");
    }

    [Test]
    public void FormatLocationNeedsASplitMuxSink()
    {
        using var sink = GstElements.Make("fakesink");

        Assert.That(() => sink.OnFormatLocation(_ => null), Throws.InvalidOperationException.With.Message.EqualTo(
            "GStreamer element 'fakesink' has no signal 'format-location' taking a fragment number and returning a location"));
    }

    /// <summary>VP8 at 30 frames a second with a key frame every half second: 3 s of it, or live until the end is sent.</summary>
    private static GstElement[] EncodedVideo(bool live)
    {
        var source = live ? GstElements.Make("videotestsrc").Set("is-live", true) : GstElements.Make("videotestsrc").Set("num-buffers", 90);
        using var framerate = GstCaps.Create("video/x-raw").WithFraction("framerate", 30, 1);
        return [source, GstElements.Make("capsfilter").Set("caps", framerate), GstElements.Make("vp8enc").Set("keyframe-max-dist", 15).Set("deadline", 1L)];
    }

    private List<string> FileNames() =>
        [.. Directory.GetFiles(_directory).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    /// <summary>The file's duration and its one video stream's type.</summary>
    private (TimeSpan Duration, string Video) Discover(string name)
    {
        var info = GstDiscoverer.Discover(new Uri(Path.Combine(_directory, name)).AbsoluteUri, TimeSpan.FromSeconds(10));
        return (info.Duration, info.VideoTypes.Single());
    }
}
