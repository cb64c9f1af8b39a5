using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// What a source builds into: the pipeline and each track's branch input. It also holds what the source's
/// elements use but do not own, such as the descriptor an <c>fdsrc</c> reads, until the pipeline is torn down.
/// </summary>
public sealed class SourceTarget(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs)
{
    private readonly List<IDisposable> _held = [];

    /// <summary>What to dispose once the pipeline is in the NULL state.</summary>
    public IReadOnlyList<IDisposable> Held => _held;

    public GstElement Add(GstElement element)
    {
        pipeline.Add(element);
        return element;
    }

    public GstElement InputOf(TrackKind kind) => branchInputs[kind];

    public void Hold(IDisposable resource) => _held.Add(resource);
}
