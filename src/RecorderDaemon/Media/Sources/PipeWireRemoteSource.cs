using System.Runtime.InteropServices;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>pipewire:NODE</c> of a recorder whose client gave it a connection to PipeWire (option <c>pipewireRemote</c>):
/// NODE is the node id the portal's ScreenCast <c>Start</c> returned, which through that connection may be the only
/// node there is. The portal's streams are video, recorded as <see cref="PipeWireSource"/> records video nodes. pipewiresrc
/// connects through a duplicate of the descriptor and finds the node by id (<c>path</c>; by <c>target-object</c> it waits for ever).
/// There is nothing to resolve: the connection is the client's and reaches what the portal let it, whoever the client is.
/// </summary>
public sealed class PipeWireRemoteSource(string uri, string node, SafeHandle remote) : TrackSource(uri)
{
    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Video };

    public override void Build(SourceTarget target)
    {
        var source = PipeWireSource.Configured(target.Make("pipewiresrc"))
            .Set("fd", (int)remote.DangerousGetHandle())
            .Set("path", node);
        PipeWireSource.LinkThroughWatchdog(target, source, TrackKind.Video);
    }
}
