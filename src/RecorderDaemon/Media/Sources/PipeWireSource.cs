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

    /// <summary>The watchdog is named this plus <c>-audio-N</c> or <c>-video-N</c>, so its error can be told apart.</summary>
    internal const string WatchdogName = "pipewire-watchdog";

    private static readonly TimeSpan ListingDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ListingPollInterval = TimeSpan.FromMilliseconds(100);

    private static int _watchdogs;

    private HashSet<TrackKind> _kinds = [TrackKind.Audio];

    public override IReadOnlySet<TrackKind> Kinds => _kinds;

    /// <summary>
    /// Checks that the caller could connect to the PipeWire server recorderd uses, that the node (an
    /// <c>Audio/Source</c> or <c>Video/Source</c>, not an output or a stream) exists (for <c>pipewire:</c>, that
    /// PipeWire has an audio input at all, rather than letting the recording fail later with pipewiresrc's
    /// "can't connect") and learns its kind.
    /// </summary>
    public override void Resolve(CallerFiles files)
    {
        RequireServerAccess(files);
        var found = FindNode(devices, "Source", device => node is null
                ? device.DeviceClass.StartsWith("Audio", StringComparison.Ordinal)
                : device.Properties.GetValueOrDefault("node.name") == node || device.Properties.GetValueOrDefault("object.serial") == node)
            ?? throw RecorderException.NotFound(node is null
                ? "no PipeWire audio input for 'pipewire:' (is PipeWire running for this user?)"
                : $"no PipeWire node '{node}' (looked for a node.name or object.serial)");
        _kinds = [found.DeviceClass.StartsWith("Video", StringComparison.Ordinal) ? TrackKind.Video : TrackKind.Audio];
        RequireTracksForParameters(_kinds);
    }

    public override void Build(SourceTarget target)
    {
        var source = Configured(target.Make("pipewiresrc"));
        if (node is not null)
        {
            source.Set("target-object", node);
        }

        LinkThroughWatchdog(target, source, Kinds.Single());
    }

    /// <summary>
    /// A pipewiresrc as recorderd uses it, named for PipeWire, its buffers timestamped on arrival: in PipeWire 0.3.65 it
    /// leaves them untimestamped unless the other side sends a header (test tones, outputs' monitors and screens do
    /// not), and without timestamps a screen's file held one frame and a mixer dropped a source's audio.
    /// </summary>
    internal static GstElement Configured(GstElement source) => source.Set("client-name", "recorderd").Set("do-timestamp", true);

    /// <summary>
    /// A capsfilter for what an audio pipewiresrc captures: stereo. Otherwise it asks for mono, which opusenc prefers,
    /// and PipeWire mixes a stereo output down to one channel; a mono input is copied to both.
    /// </summary>
    internal static GstElement StereoFilter(GstElement capsfilter)
    {
        using var caps = GstCaps.Create("audio/x-raw").With("channels", 2);
        return capsfilter.Set("caps", caps);
    }

    /// <summary>
    /// Checks that the caller could connect to the PipeWire server recorderd uses: PipeWire decides what each client may
    /// see, but recorderd connects as itself.
    /// </summary>
    internal static void RequireServerAccess(CallerFiles files)
    {
        if (PipeWireSocket.Path() is { } socket && File.Exists(socket))
        {
            RequireReadWrite(files, socket, $"the PipeWire server at '{socket}'");
        }
    }

    /// <summary>
    /// The PipeWire nodes in <paramref name="devices"/> of <paramref name="mediaClass"/>, matched as GstDeviceMonitor's
    /// filters match: <c>Source</c> is any source (<c>Audio/Source/Virtual</c> too), <c>Audio/Sink</c> any output.
    /// </summary>
    internal static List<GstDeviceInfo> Nodes(IDeviceList devices, string mediaClass, IReadOnlyList<string>? propertyNames = null) =>
        // Only PipeWire's device provider gives devices object.serial.
        [.. devices.Devices(propertyNames ?? NodeProperties).Where(device =>
            device.Properties.ContainsKey("object.serial") && IsOfClass(device, mediaClass))];

    /// <summary>
    /// The first node of <paramref name="mediaClass"/> that <paramref name="match"/> accepts, looked for again for up to
    /// a second: PipeWire's device provider lists the nodes it finds a little after it starts, and a daemon just
    /// activated by this very call has just started it.
    /// </summary>
    internal static GstDeviceInfo? FindNode(IDeviceList devices, string mediaClass, Func<GstDeviceInfo, bool> match)
    {
        var deadline = DateTime.UtcNow + ListingDelay;
        while (true)
        {
            var found = Nodes(devices, mediaClass).FirstOrDefault(match);
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            Thread.Sleep(ListingPollInterval);
        }
    }

    internal static bool IsOfClass(GstDeviceInfo device, string mediaClass) =>
        mediaClass.Split('/').All(device.DeviceClass.Split('/').Contains);

    /// <summary>
    /// Links <paramref name="source"/> to the track's branch through a watchdog that fails the recording when it stalls;
    /// audio is captured in stereo, and a video node's frames are kept coming.
    /// </summary>
    internal static void LinkThroughWatchdog(SourceTarget target, GstElement source, TrackKind kind)
    {
        if (kind == TrackKind.Video)
        {
            // A screen sends frames only when something changes; the last one is sent again so the watchdog stays fed.
            source.Set("keepalive-time", (int)KeepaliveTime.TotalMilliseconds)
                .Set("resend-last", true);
        }

        // Unique, as several audio sources may be mixed in one pipeline.
        var watchdog = target.Make("watchdog", $"{WatchdogName}-{kind.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _watchdogs)}")
            .Set("timeout", (int)StallTimeout.TotalMilliseconds);
        source.LinkTo(watchdog);
        if (kind == TrackKind.Audio)
        {
            var stereo = StereoFilter(target.Make("capsfilter"));
            watchdog.LinkTo(stereo);
            target.LinkToInput(stereo, kind);
        }
        else
        {
            target.LinkToInput(watchdog, kind);
        }
    }
}
