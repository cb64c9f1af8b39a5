using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstBufferTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [Test]
    public void RawAudioBuffersCarryTheirTimestampsDurationAndSize()
    {
        using var rate = GstCaps.Create("audio/x-raw").With("rate", 44100);
        var buffers = BufferFacts.Collect(
            GstElements.Make("audiotestsrc").Set("num-buffers", 3).Set("samplesperbuffer", 441),
            GstElements.Make("capsfilter").Set("caps", rate));

        Assert.That(buffers.Select(b => b.Pts), Is.EqualTo(new TimeSpan?[] { TimeSpan.Zero, TenMs, 2 * TenMs }));
        Assert.That(buffers.Select(b => b.Dts), Is.EqualTo(new TimeSpan?[] { null, null, null }), "raw audio has no decoding time");
        Assert.That(buffers.Select(b => b.Duration), Is.EqualTo(new TimeSpan?[] { TenMs, TenMs, TenMs }));
        Assert.That(buffers.Select(b => b.Size), Is.EqualTo(new long[] { 882, 882, 882 }), "441 mono S16LE samples");
        Assert.That(buffers.Select(b => b.IsDeltaUnit || b.IsHeader), Is.All.False);
    }

    [Test]
    public void Vp8KeyFramesAreTheBuffersThatAreNotDeltaUnits()
    {
        var buffers = BufferFacts.Collect(
            GstElements.Make("videotestsrc").Set("num-buffers", 30),
            GstElements.Make("vp8enc").Set("keyframe-max-dist", 10));

        Assert.That(buffers, Has.Count.EqualTo(30));
        Assert.That(Enumerable.Range(0, 30).Where(i => !buffers[i].IsDeltaUnit), Is.EqualTo(new[] { 0, 10, 20 }));
        Assert.That(buffers.Select(b => b.Pts == b.Dts), Is.All.True, "VP8 has no reordered frames");
        Assert.That(buffers.Select(b => b.Caps), Is.All.StartsWith("video/x-vp8, "));
    }

    [Test]
    public void VorbisStreamHeadersAreHeaderBuffersWithoutTimestamps()
    {
        var buffers = BufferFacts.Collect(GstElements.Make("audiotestsrc").Set("num-buffers", 5), GstElements.Make("vorbisenc"));

        Assert.That(buffers.Take(3).Select(b => (b.IsHeader, b.Pts, b.Dts, b.Duration)), Is.All.EqualTo((true, (TimeSpan?)null, (TimeSpan?)null, (TimeSpan?)null)));
        Assert.That(buffers.Skip(3).Select(b => b.IsHeader), Is.Not.Empty.And.All.False);
        Assert.That(buffers.Skip(3).Select(b => b.Pts), Is.All.Not.Null);
    }

    [Test]
    public void ADisposedBufferCannotBeRead()
    {
        var kept = LastBufferOf(GstElements.Make("audiotestsrc").Set("num-buffers", 1));

        Assert.That(kept.Pts, Is.EqualTo(TimeSpan.Zero), "a kept buffer outlives its pipeline");
        kept.Dispose();
        Assert.That(() => kept.Pts, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void TheRunningTimeHasThePadOffsetsThatTheTimestampsHaveNot()
    {
        var shifted = GstElements.Make("identity");
        using (var output = shifted.StaticPad("src"))
        {
            output.SetOffset(TimeSpan.FromSeconds(1));
        }

        var buffers = BufferFacts.Collect(GstElements.Make("audiotestsrc").Set("num-buffers", 3).Set("samplesperbuffer", 441), shifted);

        Assert.That(buffers.Select(b => b.Pts?.TotalMilliseconds), Is.EqualTo(new double?[] { 0, 10, 20 }));
        Assert.That(buffers.Select(b => b.RunningTime?.TotalMilliseconds), Is.EqualTo(new double?[] { 1000, 1010, 1020 }));
    }

    [Test]
    public void AShiftedCopyMovesTheTimestampsItHasAndLeavesTheOriginal()
    {
        using var kept = LastBufferOf(GstElements.Make("audiotestsrc").Set("num-buffers", 2).Set("samplesperbuffer", 441));
        using (var copy = kept.WithTimestampsShiftedBy(TimeSpan.FromMilliseconds(-4)))
        {
            Assert.That((copy.Pts, copy.Dts, copy.Duration, copy.Size), Is.EqualTo((TimeSpan.FromMilliseconds(6), (TimeSpan?)null, TimeSpan.FromMilliseconds(10), 882L)));
            Assert.That(kept.Pts, Is.EqualTo(TimeSpan.FromMilliseconds(10)), "the original keeps its timestamps");
        }
    }

    /// <summary>Runs <paramref name="source"/> into an appsink to its end and keeps its last buffer, which outlives the pipeline.</summary>
    private static GstBuffer LastBufferOf(GstElement source)
    {
        GstBuffer? kept = null;
        var sink = GstAppSink.Create();
        sink.OnNewSample((buffer, caps, _) =>
        {
            caps.Dispose();
            Interlocked.Exchange(ref kept, buffer)?.Dispose();
        });
        using (var run = new TestPipeline(source, sink))
        {
            run.RunToEnd();
        }

        return kept!;
    }
}
