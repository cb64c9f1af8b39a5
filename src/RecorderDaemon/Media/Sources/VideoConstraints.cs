using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// The <c>width</c>, <c>height</c> and <c>framerate</c> query parameters of a video source: the size and rate the
/// track is recorded at, whatever the source gives. The picture is scaled to fit inside the size and keeps its aspect
/// ratio, the rest filled with black bars (letterboxed or pillarboxed, <c>videoscale add-borders</c>); a side left out
/// follows the picture's aspect ratio. Frames are dropped or repeated to the rate (<c>videorate</c>).
/// </summary>
public sealed record VideoConstraints(int? Width, int? Height, int? Framerate)
{
    public const int MinimumSize = 16;
    public const int MaximumWidth = 3840;
    public const int MaximumHeight = 2160;
    public const int MinimumFramerate = 1;
    public const int MaximumFramerate = 120;

    public static VideoConstraints None { get; } = new(null, null, null);

    public bool IsNone => this == None;

    /// <summary>Throws unless the constrained source gives video: the parameters mean nothing to an audio track.</summary>
    /// <exception cref="ArgumentException">the source has no video track; the message names the URI</exception>
    public void RequireVideo(string uri, IReadOnlySet<TrackKind> kinds)
    {
        if (!IsNone && !kinds.Contains(TrackKind.Video))
        {
            throw SourceUri.Malformed(uri, "width, height and framerate apply to video, and it has none");
        }
    }

    /// <summary>
    /// Adds <c>videorate → videoconvert → videoscale → capsfilter</c> in front of <paramref name="next"/> and returns
    /// its first element; with no constraint, returns <paramref name="next"/>. Frames are re-timed before they are
    /// scaled, so that frames dropped are not scaled for nothing.
    /// </summary>
    internal GstElement LinkBefore(SourceTarget target, GstElement next)
    {
        if (IsNone)
        {
            return next;
        }

        using var caps = GstCaps.Create("video/x-raw").WithFraction("pixel-aspect-ratio", 1, 1);
        if (Width is { } width)
        {
            caps.With("width", width);
        }

        if (Height is { } height)
        {
            caps.With("height", height);
        }

        if (Framerate is { } framerate)
        {
            caps.WithFraction("framerate", framerate, 1);
        }

        GstElement[] chain =
        [
            target.Make("videorate"),
            target.Make("videoconvert"),
            target.Make("videoscale").Set("add-borders", true),
            target.Make("capsfilter").Set("caps", caps),
        ];
        GstElements.LinkInOrder(chain);
        chain[^1].LinkByTemplates(next); // next is linked up to the muxer already: see SourceTarget.LinkToInput

        return chain[0];
    }
}
