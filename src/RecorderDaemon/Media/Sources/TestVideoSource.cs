using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary><c>test:video?pattern=smpte|ball|black|snow&amp;width=W&amp;height=H&amp;framerate=F&amp;duration=MS</c>: live test frames.</summary>
public sealed class TestVideoSource(string uri, string pattern, int width, int height, int framerate, TimeSpan? duration) : TrackSource(uri)
{
    public static readonly IReadOnlyList<string> Patterns = ["smpte", "ball", "black", "snow"];

    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Video };

    public override int NominalFramerate => framerate;

    public override void Build(SourceTarget target)
    {
        var source = target.Make("videotestsrc")
            .Set("is-live", true)
            .SetNick("pattern", pattern);
        if (duration is { } length)
        {
            source.Set("num-buffers", (int)Math.Ceiling(length.TotalSeconds * framerate));
        }

        using var caps = GstCaps.Create("video/x-raw").With("width", width).With("height", height).WithFraction("framerate", framerate, 1);
        var filter = target.Make("capsfilter").Set("caps", caps);
        source.LinkTo(filter);
        target.LinkToInput(filter, TrackKind.Video);
    }
}
