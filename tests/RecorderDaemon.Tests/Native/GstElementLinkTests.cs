using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstElementLinkTests
{
    [Test]
    public void LinkByTemplatesJoinsASourceToAChainLinkedAlreadyAndTheCapsAreNegotiatedWhenDataFlows()
    {
        var samples = new List<string>();
        var sink = GstAppSink.Create();
        sink.OnNewSample((buffer, caps, _) =>
        {
            buffer.Dispose();
            lock (samples)
            {
                samples.Add(caps.ToString());
            }
        });
        var input = GstElements.Make("audioconvert");
        using var run = new TestPipeline(input, GstElements.Make("capsfilter").SetSerialized("caps", "audio/x-raw,format=F32LE"), sink);
        using var source = GstElements.Make("audiotestsrc").Set("num-buffers", 2);
        run.Pipeline.Add(source);

        source.LinkByTemplates(input);

        run.RunToEnd();
        Assert.That(samples, Has.Count.EqualTo(2).And.All.Contains("format=(string)F32LE"), "audiotestsrc gives S16LE: negotiated through audioconvert");
    }

    [Test]
    public void LinkByTemplatesRefusesPadsWhoseTemplatesDoNotFit()
    {
        using var pipeline = GstPipeline.Create("test");
        using var video = GstElements.Make("videotestsrc");
        using var audio = GstElements.Make("audioconvert");
        pipeline.Add(video);
        pipeline.Add(audio);

        var refusal = Assert.Throws<InvalidOperationException>(() => video.LinkByTemplates(audio));

        Assert.That(refusal!.Message, Does.Contain("'videotestsrc' to 'audioconvert'"));
    }
}
