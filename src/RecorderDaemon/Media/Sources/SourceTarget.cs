using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// What a pipeline is built into: the pipeline and each track's branch input. The wrappers of the elements it
/// makes are its own while the pipeline is built and are disposed with it, right after building, as the pipeline
/// holds its own references. It also holds what the elements use but do not own, such as the descriptor an
/// <c>fdsrc</c> reads or a pad a callback links to later, until the pipeline is torn down.
/// </summary>
public sealed class SourceTarget(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs) : IDisposable
{
    private readonly List<GstElement> _made = [];
    private readonly List<IDisposable> _held = [];

    /// <summary>What to dispose once the pipeline is in the NULL state.</summary>
    public IReadOnlyList<IDisposable> Held => _held;

    /// <summary>Makes an element and adds it to the pipeline; use it only while building.</summary>
    /// <exception cref="RecorderException">NotSupportedError when no installed plugin provides the element</exception>
    public GstElement Make(string factoryName, string? name = null)
    {
        var element = GstElements.Make(factoryName, name);
        _made.Add(element);
        pipeline.Add(element);
        return element;
    }

    public GstElement InputOf(TrackKind kind) => branchInputs[kind];

    /// <summary>Keeps <paramref name="resource"/> until the pipeline is torn down, and returns it.</summary>
    public T Hold<T>(T resource)
        where T : IDisposable
    {
        _held.Add(resource);
        return resource;
    }

    /// <summary>Adds an element whose wrapper the caller keeps.</summary>
    internal void Add(GstElement element) => pipeline.Add(element);

    /// <summary>Disposes the wrappers of the elements made; what is held stays.</summary>
    public void Dispose()
    {
        foreach (var element in _made)
        {
            element.Dispose();
        }

        _made.Clear();
    }
}
