using RecorderDaemon.TestSupport;

namespace RecorderDaemon.Bench;

/// <summary>
/// What each video codec costs: one recording at a time of test audio and moving test video, CPU sampled as for
/// <see cref="RecordingLoadMeasurement"/>, then the frame rate the file really has, which falls below the source's
/// 30 fps when the encoder cannot keep up (a live source's late frames are dropped). AV1 is also measured larger, to
/// show the largest frame it sustains here.
/// </summary>
internal static class CodecCostMeasurement
{
    private static readonly TimeSpan RecordingSettle = TimeSpan.FromSeconds(2);

    private static readonly (string Name, string MimeType, string Extension, int Width, int Height)[] Codecs =
    [
        ("VP8", "video/webm;codecs=vp8,opus", "webm", 640, 480),
        ("H.264", "video/mp4;codecs=avc1,mp4a.40.2", "mp4", 640, 480),
        ("AV1", "video/webm;codecs=av01,opus", "webm", 640, 480),
        ("AV1", "video/webm;codecs=av01,opus", "webm", 1280, 720),
        ("AV1", "video/webm;codecs=av01,opus", "webm", 1920, 1080),
    ];

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        var figures = new List<Figure>();
        foreach (var (name, mimeType, extension, width, height) in Codecs)
        {
            await using var daemon = await DaemonUnderTest.StartAsync(bus);
            var location = Path.Combine(daemon.Directory, $"codec.{extension}");
            string[] sources = ["test:audio", $"test:video?pattern=ball&width={width}&height={height}&framerate=30"];
            var recording = await TestRecording.StartAsync(daemon, location, sources, mimeType);
            await Task.Delay(RecordingSettle);
            var cpu = await RecordingLoadMeasurement.SampleCpuPerRecordingAsync(daemon, recordings: 1);
            await recording.FinishAsync();
            var size = $"{width}x{height}@30";
            figures.Add(new($"CPU per {name} recording, {size}", "% core", cpu, $"as 'CPU per recording', {mimeType}"));
            figures.Add(new($"Frame rate of the {name} file, {size}", "fps", [FramesPerSecond(location, daemon)],
                "frames decoded from the file / their time span; 30 when the encoder keeps up"));
        }

        return figures;
    }

    /// <summary>Decodes the file's video and divides the frames by the time from the first to the last.</summary>
    private static double FramesPerSecond(string location, DaemonUnderTest daemon)
    {
        var (exitCode, times, error) = DecodedVideo.Read(location);
        if (exitCode != 0 || times.Count < 2)
        {
            throw daemon.Failure($"{location} did not decode ({exitCode}): {error}");
        }

        return (times.Count - 1) / (times.Max() - times.Min()).TotalSeconds;
    }
}
