using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// One source URI of a recorder's stream: it knows which tracks it gives and how to make the
/// GStreamer elements that produce them. It never turns its URI into pipeline text.
/// </summary>
public abstract class TrackSource(string uri)
{
    /// <summary>The URI exactly as the client gave it; this is how the source is named in <c>Sources</c>.</summary>
    public string Uri { get; } = uri;

    /// <summary>The tracks this source gives; known once <see cref="Resolve"/> has run.</summary>
    public abstract IReadOnlySet<TrackKind> Kinds { get; }

    /// <summary>True for sources whose data arrives in real time by themselves (as opposed to files, which need pacing).</summary>
    public virtual bool IsLive => true;

    /// <summary>Frames per second the video track is expected to have, for turning key-frame durations into frame counts.</summary>
    public virtual int NominalFramerate => 30;

    /// <summary>
    /// Checks that what the URI names exists and learns its tracks. May block (device or file
    /// probing), so it is called off the loop thread.
    /// </summary>
    /// <exception cref="RecorderException">NotFoundError when the device or file does not exist</exception>
    public virtual void Resolve()
    {
    }

    /// <summary>Adds this source's elements to <paramref name="pipeline"/> and links each track to its branch input.</summary>
    public abstract void Build(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs);

    public override string ToString() => Uri;

    private protected static GstElement Add(GstPipeline pipeline, GstElement element)
    {
        pipeline.Add(element);
        return element;
    }
}
