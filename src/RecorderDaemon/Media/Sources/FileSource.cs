using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>file:///ABS/PATH</c>: a media file played at real-time rate, like recording a media element.
/// Its first audio and first video stream become tracks; it ends when the file ends.
/// </summary>
public sealed class FileSource(string uri, string path) : TrackSource(uri)
{
    private static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(10);
    private HashSet<TrackKind> _kinds = [];

    public override IReadOnlySet<TrackKind> Kinds => _kinds;

    public override bool IsLive => false;

    public override void Resolve()
    {
        if (!File.Exists(path))
        {
            throw RecorderException.NotFound($"no file '{path}'");
        }

        MediaInfo info;
        try
        {
            info = GstDiscoverer.Discover(new Uri(path).AbsoluteUri, DiscoveryTimeout);
        }
        catch (GLibException exception)
        {
            throw RecorderException.NotSupported($"'{path}' is not a media file GStreamer can play: {exception.Message}");
        }

        _kinds = [];
        if (info.AudioTypes.Count > 0)
        {
            _kinds.Add(TrackKind.Audio);
        }

        if (info.VideoTypes.Count > 0)
        {
            _kinds.Add(TrackKind.Video);
        }

        if (_kinds.Count == 0)
        {
            throw RecorderException.NotSupported($"'{path}' has no audio or video stream");
        }
    }

    public override void Build(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs)
    {
        var decoder = Add(pipeline, GstElements.Make("uridecodebin")).Set("uri", new Uri(path).AbsoluteUri);
        var inputs = Kinds.ToDictionary(kind => kind, kind => PacedInput(pipeline, branchInputs[kind]));
        decoder.OnPadAdded(pad => LinkFirstOfKind(pad, inputs));
    }

    /// <summary>A <c>clocksync</c> before the branch makes the file flow at real-time rate.</summary>
    private static GstPad PacedInput(GstPipeline pipeline, GstElement branchInput)
    {
        var pacer = Add(pipeline, GstElements.Make("clocksync"));
        pacer.LinkTo(branchInput);
        return pacer.StaticPad("sink");
    }

    private static void LinkFirstOfKind(GstPad pad, IReadOnlyDictionary<TrackKind, GstPad> inputs)
    {
        TrackKind? kind = pad.MediaType switch
        {
            var type when type.StartsWith("audio/", StringComparison.Ordinal) => TrackKind.Audio,
            var type when type.StartsWith("video/", StringComparison.Ordinal) => TrackKind.Video,
            _ => null,
        };
        if (kind is { } k && inputs.TryGetValue(k, out var input) && !input.IsLinked)
        {
            pad.TryLinkTo(input);
        }
    }
}
