using RecorderDaemon.Access;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>desktop-audio:</c> (what the default output plays) or <c>desktop-audio:SINK</c>, SINK an output's
/// <c>node.name</c> or <c>object.serial</c>: the output's monitor, captured by a <c>pipewiresrc</c> whose stream asks
/// the session manager for a sink (<c>stream.capture.sink</c>). Like <see cref="PipeWireSource"/>, a watchdog fails the
/// recording when the output goes away.
/// </summary>
public sealed class DesktopAudioSource(string uri, string? sink, IDeviceList devices) : TrackSource(uri)
{
    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Audio };

    /// <summary>Checks the caller's access to PipeWire and that the output exists (for <c>desktop-audio:</c>, that there is one at all).</summary>
    /// <exception cref="RecorderException">NotFoundError when there is no such output</exception>
    public override void Resolve(CallerFiles files)
    {
        PipeWireSource.RequireServerAccess(files);
        if (PipeWireSource.FindNode(devices, "Audio/Sink", output => sink is null
                || output.Properties.GetValueOrDefault("node.name") == sink || output.Properties.GetValueOrDefault("object.serial") == sink) is null)
        {
            throw RecorderException.NotFound(sink is null
                ? "no PipeWire audio output for 'desktop-audio:' (is PipeWire running for this user?)"
                : $"no PipeWire audio output '{sink}' (looked for a node.name or object.serial)");
        }
    }

    public override void Build(SourceTarget target)
    {
        var source = PipeWireSource.Configured(target.Make("pipewiresrc"))
            .SetSerialized("stream-properties", "props,stream.capture.sink=true");
        if (sink is not null)
        {
            source.Set("target-object", sink);
        }

        PipeWireSource.LinkThroughWatchdog(target, source, TrackKind.Audio);
    }
}
