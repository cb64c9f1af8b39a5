using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>A pipeline of elements linked in order, run on the test's thread; disposing stops it and drops every element.</summary>
internal sealed class TestPipeline : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);
    private readonly GstElement[] _elements;

    public TestPipeline(params GstElement[] chain)
    {
        _elements = chain;
        foreach (var element in chain)
        {
            Pipeline.Add(element);
        }

        GstElements.LinkInOrder(chain);
    }

    public GstPipeline Pipeline { get; } = GstPipeline.Create("test");

    public void Start() => Assert.That(Pipeline.SetState(GstState.Playing), Is.True, "the pipeline started");

    /// <summary>Plays the pipeline to its end and asserts it ended without an error.</summary>
    public void RunToEnd()
    {
        Start();
        WaitForEnd();
    }

    public void WaitForEnd()
    {
        var message = Pipeline.WaitForEndOrError(RunTimeout) ?? throw new TimeoutException("the pipeline did not end");
        Assert.That(message.Kind, Is.EqualTo(GstMessageKind.EndOfStream), () => $"{message.SourceName}: {message.Error?.Message} {message.Debug}");
    }

    public void Dispose()
    {
        Pipeline.SetState(GstState.Null);
        foreach (var element in _elements)
        {
            element.Dispose();
        }

        Pipeline.Dispose();
    }
}
