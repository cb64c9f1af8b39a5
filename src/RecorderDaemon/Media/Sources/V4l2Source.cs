using RecorderDaemon.Access;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary><c>v4l2:DEVICE</c>, a video capture device path such as <c>/dev/video0</c> or <c>/dev/v4l/by-id/…</c>.</summary>
public sealed class V4l2Source(string uri, string devicePath) : TrackSource(uri)
{
    private string? _realPath;

    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Video };

    /// <summary>
    /// The device is used only if the caller could open it for reading and writing itself. GStreamer gets its real path,
    /// so a symbolic link changed after the check does not lead it elsewhere.
    /// </summary>
    public override void Resolve(CallerFiles files) => _realPath = RequireReadWrite(files, devicePath, $"V4L2 device '{devicePath}'");

    public override void Build(SourceTarget target) =>
        target.LinkToInput(
            target.Make("v4l2src").Set("device", _realPath ?? throw new InvalidOperationException($"{Uri} was built before it was resolved")),
            TrackKind.Video);
}
