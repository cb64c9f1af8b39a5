using RecorderDaemon.Access;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>pipewire:</c> (the default audio input) or <c>pipewire:TARGET</c>, TARGET a node's
/// <c>object.serial</c> or <c>node.name</c>; the node's media class decides audio or video.
/// When a node goes away mid-recording (its device unplugged, its client quit), pipewiresrc
/// neither fails nor ends, it just stops; a <c>watchdog</c> after it turns that silence into an error.
/// </summary>
/// <param name="devices">where <see cref="Resolve"/> looks for the node</param>
public sealed class PipeWireSource(string uri, string? node, IDeviceList devices) : TrackSource(uri)
{
    internal static readonly IReadOnlyList<string> NodeProperties = ["node.name", "object.serial", "media.class"];

    /// <summary>How long a playing source may go without data before the recording fails; a paused pipeline stops the clock.</summary>
    internal static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How often a video node's last frame is sent again while it sends none (a still screen); well under <see cref="StallTimeout"/>.</summary>
    internal static readonly TimeSpan KeepaliveTime = TimeSpan.FromSeconds(1);

    /// <summary>The watchdog is named this plus <c>-audio</c> or <c>-video</c>, so its error can be told apart.</summary>
    internal const string WatchdogName = "pipewire-watchdog";

    private static readonly TimeSpan ListingDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ListingPollInterval = TimeSpan.FromMilliseconds(100);

    private HashSet<TrackKind> _kinds = [TrackKind.Audio];

    public override IReadOnlySet<TrackKind> Kinds => _kinds;

    /// <summary>
    /// Checks that the caller could connect to the PipeWire server recorderd uses (PipeWire decides what each
    /// client may see, but recorderd connects as itself), that the node exists (for <c>pipewire:</c>, that
    /// PipeWire has an audio input at all, rather than letting the recording fail later with pipewiresrc's
    /// "can't connect") and learns its kind.
    /// </summary>
    public override void Resolve(CallerFiles files)
    {
        if (PipeWireSocket.Path() is { } socket && File.Exists(socket))
        {
            RequireReadWrite(files, socket, $"the PipeWire server at '{socket}'");
        }

        var found = FindNode()
            ?? throw RecorderException.NotFound(node is null
                ? "no PipeWire audio input for 'pipewire:' (is PipeWire running for this user?)"
                : $"no PipeWire node '{node}' (looked for a node.name or object.serial)");
        _kinds = [found.DeviceClass.StartsWith("Video", StringComparison.Ordinal) ? TrackKind.Video : TrackKind.Audio];
        Video.RequireVideo(Uri, _kinds);
    }

    /// <summary>
    /// The node (for <c>pipewire:</c> an audio input), looked for again for up to <see cref="ListingDelay"/>: PipeWire's device
    /// provider lists the nodes it finds a little after it starts, and a daemon just activated by this very call has just started it.
    /// </summary>
    private GstDeviceInfo? FindNode()
    {
        var deadline = DateTime.UtcNow + ListingDelay;
        while (true)
        {
            // Only PipeWire's device provider gives devices an object.serial.
            var found = devices.Devices(NodeProperties).FirstOrDefault(device => device.Properties.ContainsKey("object.serial") && (node is null
                ? device.DeviceClass.StartsWith("Audio", StringComparison.Ordinal)
                : device.Properties.GetValueOrDefault("node.name") == node || device.Properties.GetValueOrDefault("object.serial") == node));
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            Thread.Sleep(ListingPollInterval);
        }
    }

    public override void Build(SourceTarget target)
    {
        var source = target.Make("pipewiresrc").Set("client-name", "recorderd");
        if (node is not null)
        {
            source.Set("target-object", node);
        }

        LinkThroughWatchdog(target, source, Kinds.Single());
    }

    /// <summary>Links a pipewiresrc to the track's input through the stall watchdog; a video node's frames are timestamped on arrival and kept coming.</summary>
    internal static void LinkThroughWatchdog(SourceTarget target, GstElement source, TrackKind kind)
    {
        if (kind == TrackKind.Video)
        {
            // A screen's frames carry no timestamps that mean anything here: without these, the file held one frame.
            // A screen sends frames only when something changes; the last one is sent again so the watchdog stays fed.
            source.Set("do-timestamp", true)
                .Set("keepalive-time", (int)KeepaliveTime.TotalMilliseconds)
                .Set("resend-last", true);
        }

        var watchdog = target.Make("watchdog", $"{WatchdogName}-{kind.ToString().ToLowerInvariant()}")
            .Set("timeout", (int)StallTimeout.TotalMilliseconds);
        source.LinkTo(watchdog);
        watchdog.LinkTo(target.InputOf(kind));
    }
}
