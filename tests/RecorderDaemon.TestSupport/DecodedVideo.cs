using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RecorderDaemon.TestSupport;

/// <summary>The video a player decodes from a file, whatever its container and codec, as <c>gst-launch-1.0</c> reports it.</summary>
public static partial class DecodedVideo
{
    /// <summary>
    /// The timestamp of each decoded frame, in order, and how decoding ended: a file cut short may end in an error
    /// after its readable frames, which the caller may accept.
    /// </summary>
    public static (int ExitCode, IReadOnlyList<TimeSpan> FrameTimes, string Errors) Read(string path)
    {
        var start = new ProcessStartInfo("gst-launch-1.0", ["-v", "filesrc", $"location={path}", "!", "decodebin", "!", "videoconvert", "!", "fakesink", "silent=false", "sync=false"]);
        var (exitCode, output, errors) = ChildProcess.Run(start, TimeSpan.FromSeconds(120));
        return (exitCode, [.. FramePts().Matches(output).Select(match => TimeSpan.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))], errors);
    }

    [GeneratedRegex(@"pts: (\d+:\d\d:\d\d\.\d{7})")]
    private static partial Regex FramePts();
}
