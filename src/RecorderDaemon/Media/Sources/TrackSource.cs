using RecorderDaemon.Access;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// One source URI of a recorder's stream: it knows which tracks it gives and how to make the
/// GStreamer elements that produce them. It never turns its URI into pipeline text.
/// </summary>
public abstract class TrackSource(string uri) : IStreamSource
{
    /// <summary>The URI exactly as the client gave it; this is how the source is named in <c>Sources</c>.</summary>
    public string Uri { get; } = uri;

    /// <summary>The tracks this source gives; known once <see cref="Resolve"/> has run.</summary>
    public abstract IReadOnlySet<TrackKind> Kinds { get; }

    /// <summary>True for sources whose data arrives in real time by themselves (as opposed to files, which need pacing).</summary>
    public virtual bool IsLive => true;

    /// <summary>The size and rate the video track is recorded at (the URI's <c>width</c>, <c>height</c>, <c>framerate</c>).</summary>
    public VideoConstraints Video { get; init; } = VideoConstraints.None;

    /// <summary>The factor the audio track is multiplied by (the URI's <c>volume</c>, 0.0 to 10.0), null when not given.</summary>
    public double? Volume { get; init; }

    /// <summary>Frames per second the video track is expected to have, for turning key-frame durations into frame counts.</summary>
    public virtual int NominalFramerate => Video.Framerate ?? 30;

    /// <summary>
    /// Checks that what the URI names exists and that the caller may use it, with the caller's rights
    /// (<paramref name="files"/>), and learns its tracks. May block (device or file probing), so it is
    /// called off the loop thread.
    /// </summary>
    /// <exception cref="RecorderException">NotFoundError when the device or file does not exist; NotAllowedError when the caller may not use it</exception>
    public virtual void Resolve(CallerFiles files)
    {
    }

    /// <summary>Adds this source's elements to the target's pipeline and links each track to its branch input.</summary>
    public abstract void Build(SourceTarget target);

    public override string ToString() => Uri;

    /// <summary>Throws when the URI's parameters are for a track the source, once resolved, turned out not to give.</summary>
    /// <exception cref="ArgumentException">the message names the URI and the parameters</exception>
    private protected void RequireTracksForParameters(IReadOnlySet<TrackKind> kinds)
    {
        Video.RequireVideo(Uri, kinds);
        if (Volume is not null && !kinds.Contains(TrackKind.Audio))
        {
            throw SourceUri.Malformed(Uri, "volume applies to audio, and it has none");
        }
    }

    /// <summary>Checks with the caller's rights that it could open <paramref name="path"/> for reading and writing; returns its real path.</summary>
    /// <exception cref="RecorderException">NotFoundError when it is missing, else NotAllowedError</exception>
    private protected static string RequireReadWrite(CallerFiles files, string path, string what)
    {
        try
        {
            return files.RequireReadWriteAccess(path);
        }
        catch (UnixErrorException exception)
        {
            throw Unusable(what, exception);
        }
    }

    /// <summary>The error for a device or file the caller could not open: NotFoundError when it is missing, else NotAllowedError.</summary>
    private protected static RecorderException Unusable(string what, UnixErrorException error) =>
        error.IsNotFound
            ? RecorderException.NotFound($"no {what}")
            : new RecorderException(DomErrorName.NotAllowedError, $"the caller may not use {what}: {error.Message}");
}
