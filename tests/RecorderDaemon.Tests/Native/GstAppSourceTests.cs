using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstAppSourceTests
{
    [Test]
    public void BuffersPushedIntoAnAppSourceComeOutAsTheyWentIn()
    {
        GstElement[] Encoder() =>
        [
            GstElements.Make("videotestsrc").Set("num-buffers", 30),
            GstElements.Make("vp8enc").Set("keyframe-max-dist", 10),
        ];
        var original = BufferFacts.Collect(Encoder());
        using var kept = KeptStream.Of(Encoder());
        var source = AppSourceFor(kept);

        var replayed = BufferFacts.Collect([source], afterStart: () =>
        {
            Assert.That(kept.Buffers.Select(source.Push), Is.All.True);
            Assert.That(source.EndStream(), Is.True);
        });

        Assert.That(replayed, Is.EqualTo(original));
        Assert.That(kept.Buffers.Select(buffer => buffer.Pts), Is.Ordered.And.Not.Contains(null), "the pushed buffers are still the caller's");
    }

    [Test]
    public void AnAppSourceQueuesBuffersBeforeItStartsAndTakesNoneAfterItsEndOrStop()
    {
        using var kept = KeptStream.Of(GstElements.Make("audiotestsrc").Set("num-buffers", 2));
        var source = AppSourceFor(kept);
        var pushedAfterEnd = true;

        Assert.That(source.Push(kept.Buffers[0]), Is.True, "queued before the start");
        Assert.That(source.EndStream(), Is.True, "queued before the start");
        var replayed = BufferFacts.Collect([source], afterStart: () => pushedAfterEnd = source.Push(kept.Buffers[1]));

        Assert.That(replayed.Select(facts => facts.Pts), Is.EqualTo(new[] { kept.Buffers[0].Pts }));
        Assert.That(pushedAfterEnd, Is.False);
    }

    [Test]
    public void AnAppSourceTakesNoBuffersOnceStopped()
    {
        using var kept = KeptStream.Of(GstElements.Make("audiotestsrc").Set("num-buffers", 1));
        var source = AppSourceFor(kept);
        using var run = new TestPipeline(source, GstElements.Make("fakesink"));
        run.Start();
        run.Pipeline.SetState(GstState.Null);

        Assert.That(source.Push(kept.Buffers[0]), Is.False);
        Assert.That(source.EndStream(), Is.False);
    }

    private static GstAppSource AppSourceFor(KeptStream kept)
    {
        var source = GstAppSource.Create();
        source.Set("caps", kept.Caps).SetNick("format", "time");
        return source;
    }

    /// <summary>Every buffer of a stream, kept after its pipeline, and the caps they came with.</summary>
    private sealed class KeptStream : IDisposable
    {
        private KeptStream(List<GstBuffer> buffers, GstCaps caps)
        {
            Buffers = buffers;
            Caps = caps;
        }

        public List<GstBuffer> Buffers { get; }

        public GstCaps Caps { get; }

        public static KeptStream Of(params GstElement[] upstream)
        {
            var buffers = new List<GstBuffer>();
            GstCaps? last = null;
            var sink = GstAppSink.Create();
            sink.Set("sync", false);
            sink.OnNewSample((buffer, caps, _) =>
            {
                buffers.Add(buffer);
                Interlocked.Exchange(ref last, caps)?.Dispose();
            });
            using (var run = new TestPipeline([.. upstream, sink]))
            {
                run.RunToEnd();
            }

            return new KeptStream(buffers, last!);
        }

        public void Dispose()
        {
            Buffers.ForEach(buffer => buffer.Dispose());
            Caps.Dispose();
        }
    }
}
