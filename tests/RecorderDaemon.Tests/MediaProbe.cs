using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RecorderDaemon.Tests;

/// <summary>Plays a file through real decoders with <c>gst-launch-1.0</c>, as a user's player would.</summary>
internal static partial class MediaProbe
{
    /// <summary>The timestamp of the last VP8 frame decoded from a WebM file.</summary>
    public static TimeSpan LastVideoFrameTime(string webmPath)
    {
        var start = new ProcessStartInfo("gst-launch-1.0",
            ["-v", "filesrc", $"location={webmPath}", "!", "matroskademux", "!", "vp8dec", "!", "fakesink", "silent=false", "sync=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var player = Process.Start(start)!;
        var output = player.StandardOutput.ReadToEnd();
        player.WaitForExit();
        Assert.That(player.ExitCode, Is.Zero, $"gst-launch-1.0 could not play {webmPath}: {player.StandardError.ReadToEnd()}");
        return FramePts().Matches(output).Select(match => TimeSpan.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty().Max();
    }

    [GeneratedRegex(@"pts: (\d+:\d\d:\d\d\.\d{7})")]
    private static partial Regex FramePts();
}
