using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstPipelineTests
{
    [Test]
    public void WaitForEndOrErrorReturnsTheEndOfStream()
    {
        using var run = new TestPipeline(GstElements.Make("audiotestsrc").Set("num-buffers", 3), GstElements.Make("fakesink"));
        run.Start();

        var message = run.Pipeline.WaitForEndOrError(TimeSpan.FromSeconds(30));

        Assert.That(message?.Kind, Is.EqualTo(GstMessageKind.EndOfStream));
        Assert.That(message!.IsFrom(run.Pipeline), Is.True);
    }

    [Test]
    public void WaitForEndOrErrorReturnsTheErrorAndItsSource()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"recorderd-missing-{Guid.NewGuid():N}");
        using var run = new TestPipeline(GstElements.Make("filesrc", "reader").Set("location", missing), GstElements.Make("fakesink"));
        run.Pipeline.SetState(GstState.Playing);

        var message = run.Pipeline.WaitForEndOrError(TimeSpan.FromSeconds(30));

        Assert.That(message?.Kind, Is.EqualTo(GstMessageKind.Error));
        Assert.That(message!.SourceName, Is.EqualTo("reader"));
        Assert.That(message.Error?.Domain, Is.EqualTo("gst-resource-error-quark"));
        Assert.That(message.Error?.Code, Is.EqualTo(3), "GST_RESOURCE_ERROR_NOT_FOUND");
    }

    [Test]
    public void WaitForEndOrErrorReturnsNullWhenNeitherComes()
    {
        using var run = new TestPipeline(GstElements.Make("videotestsrc").Set("is-live", true), GstElements.Make("fakesink"));
        run.Start();

        Assert.That(run.Pipeline.WaitForEndOrError(TimeSpan.FromMilliseconds(200)), Is.Null);
    }
}
