namespace RecorderDaemon.Bench;

/// <summary>
/// Whether memory comes back: one daemon makes <see cref="Recordings"/> short recordings one after the
/// other (each stopped, checked and destroyed), and its RSS is read after each.
/// </summary>
internal static class RepeatedRecordingMeasurement
{
    private const int Recordings = 20;

    private static readonly TimeSpan RecordingLength = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        await using var daemon = await DaemonUnderTest.StartAsync(bus);
        var rssAfter = new long[Recordings + 1];
        for (var i = 1; i <= Recordings; i++)
        {
            var recording = await TestRecording.StartAsync(daemon, Path.Combine(daemon.Directory, $"repeated-{i}.webm"));
            await Task.Delay(RecordingLength);
            await recording.FinishAsync();
            rssAfter[i] = daemon.ReadRssBytes();
        }

        const int Half = Recordings / 2;
        return
        [
            new($"RSS after {Half + 1}-{Recordings} recordings", "MiB", [.. rssAfter[(Half + 1)..].Select(Units.MiB)],
                $"VmRSS after each of recordings {Half + 1} to {Recordings}, each {RecordingLength.TotalSeconds} s long, stopped and destroyed"),
            new($"RSS growth per recording, {Half + 1}-{Recordings}", "KiB", [Units.KiB((rssAfter[Recordings] - rssAfter[Half]) / Half)],
                $"(VmRSS after recording {Recordings} - after recording {Half}) / {Half}: what each further recording keeps"),
        ];
    }
}
