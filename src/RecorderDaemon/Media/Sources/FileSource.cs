using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Access;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>file:///ABS/PATH</c>: a media file played at real-time rate, like recording a media element.
/// Its first audio and first video stream become tracks; it ends when the file ends. The file is
/// opened once, with the caller's rights, and GStreamer only ever gets descriptors of that open file
/// (each reader its own, so that none moves another's offset), never the path.
/// </summary>
public sealed class FileSource(string uri, string path) : TrackSource(uri)
{
    private static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(10);
    private HashSet<TrackKind> _kinds = [];
    private SafeFileHandle? _file;

    public override IReadOnlySet<TrackKind> Kinds => _kinds;

    public override bool IsLive => false;

    public override void Resolve(CallerFiles files)
    {
        try
        {
            _file = files.OpenForReading(path);
        }
        catch (UnixErrorException exception)
        {
            throw Unusable($"file '{path}'", exception);
        }

        if (!UnixFiles.Status(_file).Seekable)
        {
            throw RecorderException.NotSupported($"'{path}' is not a file that can be read from the start (a pipe or socket?)");
        }

        MediaInfo info;
        try
        {
            using var reader = UnixFiles.Reopen(_file);
            info = GstDiscoverer.Discover(reader, DiscoveryTimeout);
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

        RequireTracksForParameters(_kinds);
    }

    public override void Build(SourceTarget target)
    {
        var reader = target.Hold(UnixFiles.Reopen(_file ?? throw new InvalidOperationException($"{Uri} was built before it was resolved")));
        var source = target.Make("fdsrc").Set("fd", reader);
        var decoder = target.Make("decodebin");
        source.LinkTo(decoder);
        var inputs = Kinds.ToDictionary(kind => kind, kind => PacedInput(target, kind));
        decoder.OnPadAdded(pad => LinkFirstOfKind(pad, inputs));
    }

    /// <summary>
    /// A <c>clocksync</c> before the branch makes the file flow at real-time rate. Its input pad is held by
    /// the target, not by the pad-added callback, so it is released when the pipeline is torn down.
    /// </summary>
    private static GstPad PacedInput(SourceTarget target, TrackKind kind)
    {
        var pacer = target.Make("clocksync");
        target.LinkToInput(pacer, kind);
        return target.Hold(pacer.StaticPad("sink"));
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
