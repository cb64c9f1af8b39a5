using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// What a pipeline is built into: the pipeline and each track's branch input. The wrappers of the elements it
/// makes are its own while the pipeline is built and are disposed with it, right after building, as the pipeline
/// holds its own references. It also holds what the elements use but do not own, such as the descriptor an
/// <c>fdsrc</c> reads or a pad a callback links to later, until the pipeline is torn down. Sources that change the
/// pipeline while it runs do so on <see cref="Loop"/> and register with <see cref="UntilTearDown"/>.
/// </summary>
/// <param name="inputs">for each track kind, the input the next source of that kind links to: the track's branch, a new input into a mixer, or a new track's branch</param>
public sealed class SourceTarget(GstPipeline pipeline, GLibLoop loop, IReadOnlyDictionary<TrackKind, Func<GstElement>> inputs) : IDisposable
{
    private readonly List<GstElement> _made = [];
    private TrackSource? _building;
    private readonly List<IDisposable> _held = [];
    private readonly List<IDisposable> _untilTearDown = [];

    /// <summary>What to dispose once the pipeline is in the NULL state.</summary>
    public IReadOnlyList<IDisposable> Held => _held;

    /// <summary>What to dispose on the loop thread before the pipeline is set to NULL: what changes it while it runs.</summary>
    public IReadOnlyList<IDisposable> StoppedBeforeTearDown => _untilTearDown;

    /// <summary>The loop the pipeline is driven from; changes to the running pipeline are made on it.</summary>
    public GLibLoop Loop => loop;

    /// <summary>The pipeline itself, for sources that add and remove elements while it runs (on <see cref="Loop"/> only).</summary>
    public GstPipeline Pipeline => pipeline;

    /// <summary>Makes an element and adds it to the pipeline; use it only while building.</summary>
    /// <exception cref="RecorderException">NotSupportedError when no installed plugin provides the element</exception>
    public GstElement Make(string factoryName, string? name = null)
    {
        var element = GstElements.Make(factoryName, name);
        _made.Add(element);
        pipeline.Add(element);
        return element;
    }

    /// <summary>
    /// Links <paramref name="last"/>, a source's last element, to where its track of <paramref name="kind"/> is recorded; call it
    /// once per source and kind, while it builds. An audio source with a <see cref="TrackSource.Volume"/> links through
    /// <c>audioconvert → volume</c>. The inputs are linked up to the muxer already, so these links check pad templates only
    /// (<see cref="GstElement.LinkByTemplates"/>): a caps query through the converters, encoder and muxer took 7 ms of the 30 ms
    /// from start() to the start event of a recording of audio.
    /// </summary>
    public void LinkToInput(GstElement last, TrackKind kind)
    {
        var input = inputs[kind]();
        if (kind == TrackKind.Audio && _building?.Volume is { } volume)
        {
            var convert = Make("audioconvert");
            var gain = Make("volume").Set("volume", volume);
            convert.LinkTo(gain);
            gain.LinkByTemplates(input);
            input = convert;
        }

        last.LinkByTemplates(input);
    }

    /// <summary>Adds <paramref name="source"/>'s elements to the pipeline, linked to the inputs of its tracks.</summary>
    internal void Build(TrackSource source)
    {
        _building = source;
        try
        {
            source.Build(this);
        }
        finally
        {
            _building = null;
        }
    }

    /// <summary>Keeps <paramref name="resource"/> until the pipeline is torn down, and returns it.</summary>
    public T Hold<T>(T resource)
        where T : IDisposable
    {
        _held.Add(resource);
        return resource;
    }

    /// <summary>Keeps <paramref name="follower"/>, something that changes the running pipeline, until teardown starts; returns it.</summary>
    public T UntilTearDown<T>(T follower)
        where T : IDisposable
    {
        _untilTearDown.Add(follower);
        return follower;
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
