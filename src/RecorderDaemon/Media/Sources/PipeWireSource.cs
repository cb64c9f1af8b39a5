using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>pipewire:</c> (the default audio input) or <c>pipewire:TARGET</c>, TARGET a node's
/// <c>object.serial</c> or <c>node.name</c>; the node's media class decides audio or video.
/// </summary>
public sealed class PipeWireSource(string uri, string? target) : TrackSource(uri)
{
    internal static readonly IReadOnlyList<string> NodeProperties = ["node.name", "object.serial", "media.class"];

    private HashSet<TrackKind> _kinds = [TrackKind.Audio];

    public override IReadOnlySet<TrackKind> Kinds => _kinds;

    public override void Resolve()
    {
        if (target is null)
        {
            return;
        }

        var node = GstDeviceMonitor.List(["Audio/Source", "Video/Source"], NodeProperties)
            .FirstOrDefault(device => device.Properties.TryGetValue("node.name", out var name) && name == target
                || device.Properties.TryGetValue("object.serial", out var serial) && serial == target)
            ?? throw RecorderException.NotFound($"no PipeWire node '{target}' (looked for a node.name or object.serial)");
        _kinds = [node.DeviceClass.StartsWith("Video", StringComparison.Ordinal) ? TrackKind.Video : TrackKind.Audio];
    }

    public override void Build(GstPipeline pipeline, IReadOnlyDictionary<TrackKind, GstElement> branchInputs)
    {
        var source = Add(pipeline, GstElements.Make("pipewiresrc")).Set("client-name", "recorderd");
        if (target is not null)
        {
            source.Set("target-object", target);
        }

        source.LinkTo(branchInputs[Kinds.Single()]);
    }
}
