using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RecorderDaemon.Tests;

/// <summary>Reads a file with <c>gst-launch-1.0</c>, as a user's player would: its packets as the demuxer hands them on, or its decoded frames.</summary>
internal static partial class MediaProbe
{
    private const int DeltaUnitFlag = 0x2000; // GST_BUFFER_FLAG_DELTA_UNIT: not a key frame

    /// <summary>The timestamp of the last VP8 frame decoded from a WebM file.</summary>
    public static TimeSpan LastVideoFrameTime(string webmPath) =>
        FramePts().Matches(Play(webmPath, "vp8dec"))
            .Select(match => TimeSpan.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty()
            .Max();

    /// <summary>
    /// The timestamp of the last video frame a player decodes from the file, whatever its container and codec, and how
    /// many it decodes; a file cut short counts what is readable.
    /// </summary>
    public static (TimeSpan Last, int Count) DecodedVideo(string path)
    {
        var (_, times, _) = TestSupport.DecodedVideo.Read(path);
        return (times.DefaultIfEmpty().Max(), times.Count);
    }

    /// <summary>The caps of the file's first video stream as <c>gst-discoverer-1.0 -v</c> prints them (profile, level, chroma format...).</summary>
    public static string DiscoveredVideoCaps(string path)
    {
        var (exitCode, output, errors) = ChildProcess.Run(new ProcessStartInfo("gst-discoverer-1.0", ["-v", path]), TimeSpan.FromSeconds(60));
        Assert.That(exitCode, Is.Zero, $"gst-discoverer-1.0 could not read {path}: {errors}");
        var line = output.Split('\n').FirstOrDefault(line => line.TrimStart().StartsWith("video #", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, $"no video stream in {path}");
        return line!;
    }

    /// <summary>The size of the VP8 frames decoded from a WebM file, and how many there are.</summary>
    public static (int Width, int Height, int Count) VideoFrames(string webmPath)
    {
        var output = Play(webmPath, "vp8dec");
        var size = DecodedSize().Match(output);
        Assert.That(size.Success, $"no decoded video caps in the output for {webmPath}");
        return (int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture),
            FramePts().Matches(output).Count);
    }

    /// <summary>The first VP8 frame of a WebM file shrunk to 16x9 grey levels (0 black, 255 white), row by row: enough to see bars.</summary>
    public static byte[][] FirstFrameThumbnail(string webmPath)
    {
        var output = Play(webmPath, ["vp8dec", "videoconvert", "videoscale", "video/x-raw,format=GRAY8,width=16,height=9"], ["num-buffers=1", "dump=true"]);
        return [.. DumpLine().Matches(output).Take(9).Select(match =>
            match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(hex => byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray())];
    }

    /// <summary>The packets of a WebM file's one track, in order, as its demuxer reads them from the file.</summary>
    public static IReadOnlyList<Packet> Packets(string webmPath) =>
        [.. Chained().Matches(Play(webmPath)).Select(match => new Packet(
            int.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture),
            (int.Parse(match.Groups["flags"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & DeltaUnitFlag) == 0))];

    /// <summary>The test tones play at about -5 dB (RMS, 0 is full scale); what is quieter than this is not a tone.</summary>
    public const double AudibleDecibels = -20;

    /// <summary>Silence, as opposed to a tone: digital silence is negative infinity, opus noise stays below this.</summary>
    public const double SilentDecibels = -60;

    /// <summary>
    /// The loudness of a file's audio as GStreamer's <c>level</c> element measures it: for each 100 ms from the start of
    /// the file, the RMS of its loudest channel in dB (0 is full scale; digital silence is negative infinity). A period the
    /// band-pass filter could not measure (its IIR sometimes yields NaN for a moment on this machine), or that lacks the
    /// channel asked for, is left out.
    /// </summary>
    /// <param name="band">only the frequencies from Low to High Hz (a band-pass filter before the measure), to tell tones apart</param>
    /// <param name="channel">only this channel (0 is the left one) rather than the loudest</param>
    /// <param name="track">which of the file's streams, counting from 0 in the order decodebin exposes them (video ones too); by default the first audio one</param>
    public static IReadOnlyList<(TimeSpan Time, double RmsDecibels)> Loudness(string path, (int Low, int High)? band = null, int? channel = null, int? track = null)
    {
        string[] filter = band is var (low, high)
            ? ["!", "audiochebband", "mode=band-pass", $"lower-frequency={low}", $"upper-frequency={high}", "poles=8"]
            : [];
        string[] arguments =
        [
            "-m", "filesrc", $"location={path}", "!", "decodebin", .. track is { } stream ? new[] { "name=decoder", $"decoder.src_{stream}" } : [], "!", "audioconvert", .. filter,
            "!", "level", "interval=100000000",
            "!", "fakesink", "sync=false",
        ];
        var (exitCode, output, errors) = ChildProcess.Run(new ProcessStartInfo("gst-launch-1.0", arguments), TimeSpan.FromSeconds(60));
        Assert.That(exitCode, Is.Zero, $"gst-launch-1.0 could not measure {path}: {errors}");
        return [.. LevelMessage().Matches(output).Select(match =>
            {
                var channels = match.Groups["rms"].Value.Split(',').Select(Decibels).ToList();
                var time = TimeSpan.FromTicks(long.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture) / 100);
                return (time, RmsDecibels: channel is { } only ? (only < channels.Count ? channels[only] : double.NaN) : channels.Max());
            })
            .Where(level => !double.IsNaN(level.RmsDecibels))];
    }

    private static double Decibels(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NegativeInfinity;

    /// <summary>Demuxes <paramref name="webmPath"/> through <paramref name="elements"/> into a fakesink that prints every buffer.</summary>
    private static string Play(string webmPath, params string[] elements) => Play(webmPath, elements, ["silent=false"]);

    private static string Play(string webmPath, string[] elements, string[] sinkProperties)
    {
        string[] arguments = ["-v", "filesrc", $"location={webmPath}", "!", "matroskademux", .. elements.SelectMany(element => new[] { "!", element }), "!", "fakesink", .. sinkProperties, "sync=false"];
        var (exitCode, output, errors) = ChildProcess.Run(new ProcessStartInfo("gst-launch-1.0", arguments), TimeSpan.FromSeconds(60));
        Assert.That(exitCode, Is.Zero, $"gst-launch-1.0 could not play {webmPath}: {errors}");
        return output;
    }

    [GeneratedRegex(@"level, endtime=\(guint64\)\d+, timestamp=\(guint64\)(?<time>\d+),.*?rms=\(GValueArray\)< (?<rms>[^>]*) >")]
    private static partial Regex LevelMessage();

    [GeneratedRegex(@"pts: (\d+:\d\d:\d\d\.\d{7})")]
    private static partial Regex FramePts();

    [GeneratedRegex(@"vp8dec\d+\.GstPad:src: caps = video/x-raw, .*?width=\(int\)(\d+), height=\(int\)(\d+)")]
    private static partial Regex DecodedSize();

    /// <summary>A line of fakesink's hex dump: offset, address, 16 bytes.</summary>
    [GeneratedRegex(@"^[0-9a-f]{8} \(0x[0-9a-f]+\): ((?:[0-9a-f]{2} ){16})", RegexOptions.Multiline)]
    private static partial Regex DumpLine();

    [GeneratedRegex(@"last-message = chain +\*+ \([^)]*\) \((?<size>\d+) bytes, .*?flags: (?<flags>[0-9a-f]+)")]
    private static partial Regex Chained();

    /// <summary>One demuxed packet: its size in bytes, and whether it decodes on its own (a key frame).</summary>
    public sealed record Packet(int Size, bool IsKeyFrame);
}
