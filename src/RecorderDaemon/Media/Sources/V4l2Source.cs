using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary><c>v4l2:DEVICE</c>, a video capture device path such as <c>/dev/video0</c> or <c>/dev/v4l/by-id/…</c>.</summary>
public sealed class V4l2Source(string uri, string devicePath) : TrackSource(uri)
{
    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Video };

    public override void Resolve()
    {
        if (!File.Exists(devicePath))
        {
            throw RecorderException.NotFound($"no V4L2 device '{devicePath}'");
        }
    }

    public override void Build(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs) =>
        Add(pipeline, GstElements.Make("v4l2src")).Set("device", devicePath).LinkTo(branchInputs[TrackKind.Video]);
}
