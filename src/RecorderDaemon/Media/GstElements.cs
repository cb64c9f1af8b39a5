using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>Makes elements by factory name, failing with a message that says which package brings a missing one.</summary>
public static class GstElements
{
    private static readonly Dictionary<string, string> PackageOf = new()
    {
        ["audiotestsrc"] = "gstreamer1.0-plugins-base",
        ["videotestsrc"] = "gstreamer1.0-plugins-base",
        ["audioconvert"] = "gstreamer1.0-plugins-base",
        ["audioresample"] = "gstreamer1.0-plugins-base",
        ["audiomixer"] = "gstreamer1.0-plugins-base",
        ["videoconvert"] = "gstreamer1.0-plugins-base",
        ["videoscale"] = "gstreamer1.0-plugins-base",
        ["videorate"] = "gstreamer1.0-plugins-base",
        ["uridecodebin"] = "gstreamer1.0-plugins-base",
        ["oggmux"] = "gstreamer1.0-plugins-base",
        ["opusenc"] = "gstreamer1.0-plugins-base",
        ["vorbisenc"] = "gstreamer1.0-plugins-base",
        ["theoraenc"] = "gstreamer1.0-plugins-base",
        ["webmmux"] = "gstreamer1.0-plugins-good",
        ["vp8enc"] = "gstreamer1.0-plugins-good",
        ["vp9enc"] = "gstreamer1.0-plugins-good",
        ["flacenc"] = "gstreamer1.0-plugins-good",
        ["flacparse"] = "gstreamer1.0-plugins-good",
        ["v4l2src"] = "gstreamer1.0-plugins-good",
        ["pipewiresrc"] = "gstreamer1.0-pipewire",
        ["watchdog"] = "gstreamer1.0-plugins-bad",
    };

    /// <exception cref="RecorderException">NotSupportedError naming the element and the package that provides it</exception>
    public static GstElement Make(string factoryName, string? name = null) =>
        GstElement.TryMake(factoryName, name) ?? throw RecorderException.NotSupported(MissingMessage(factoryName));

    /// <summary>Links each element of <paramref name="chain"/> to the next, in order.</summary>
    public static void LinkInOrder(IReadOnlyList<GstElement> chain)
    {
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i - 1].LinkTo(chain[i]);
        }
    }

    public static string MissingMessage(string factoryName) =>
        PackageOf.TryGetValue(factoryName, out var package)
            ? $"no GStreamer element '{factoryName}' (install {package})"
            : $"no GStreamer element '{factoryName}'";
}
