using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// The daemon's <see cref="IDeviceList"/>: listed from its running <paramref name="watch"/>, the process's one device
/// monitor, since no other monitor may use the started providers (see <see cref="GstDeviceWatch"/>); without a watch
/// (no provider could be started), probed with a new monitor on each call.
/// </summary>
/// <param name="watch">the daemon's device watch, which its owner starts in the background and stops; a null result when devices are not watched</param>
public sealed class CaptureDevices(Task<GstDeviceWatch?> watch) : IDeviceList
{
    /// <summary>Capture devices, outputs (whose monitors <c>desktop-audio:</c> records) and applications' playback streams (<c>app-audio:</c>).</summary>
    private static readonly string[] Classes = ["Audio/Source", "Video/Source", "Audio/Sink", "Stream/Output/Audio"];

    /// <summary>
    /// The providers whose devices a source URI can name (<c>pipewire:</c>, <c>v4l2:</c>). Any other's devices are PipeWire's
    /// nodes seen again (PulseAudio's, under pipewire-pulse) or have no source URI (DeckLink's), and loading those providers
    /// took 3.7 MB of libraries into the idle daemon.
    /// </summary>
    private static readonly IReadOnlySet<string> Providers = new HashSet<string>(["pipewiredeviceprovider", "v4l2deviceprovider"], StringComparer.Ordinal);

    /// <summary>
    /// Watches for capture devices, outputs and playback streams appearing or vanishing; <paramref name="onChange"/> runs on the
    /// loop thread. Starting probes the providers, so never call this on the loop thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">no device provider could be started</exception>
    public static GstDeviceWatch Watch(GLibLoop loop, Action<GstMessageKind> onChange) => GstDeviceWatch.Start(loop, Classes, Providers, onChange);

    /// <exception cref="ObjectDisposedException">the watch was stopped: the daemon is shutting down</exception>
    public IReadOnlyList<GstDeviceInfo> Devices(IReadOnlyList<string> propertyNames) =>
        // A watch still starting is waited for (at most the providers' probe, once), not probed beside: see GstDeviceWatch.
        watch.GetAwaiter().GetResult()?.Devices(propertyNames) ?? GstDeviceMonitor.List(Classes, Providers, propertyNames);
}
