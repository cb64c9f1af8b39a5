namespace RecorderDaemon.Bench;

/// <summary>
/// What one running A/V recording costs, against gst-launch-1.0 running the same pipeline (<see cref="GstLaunch.RecordingPipeline"/>):
/// CPU over the same span, and memory. Each run is a fresh daemon with one recording, then gst-launch-1.0 alone, one after the
/// other so that they do not share the cores.
/// </summary>
internal static class RecordingCostMeasurement
{
    private const int Runs = 3;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecordingSettle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CpuSpan = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        var cpu = new List<double>();
        var gstLaunchCpu = new List<double>();
        var rss = new List<double>();
        var gstLaunchRss = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            await using (var daemon = await DaemonUnderTest.StartAsync(bus))
            {
                await Task.Delay(Settle);
                var idleRss = daemon.ReadRssBytes();
                var recording = await TestRecording.StartAsync(daemon, Path.Combine(daemon.Directory, $"cost-{run}.webm"));
                await Task.Delay(RecordingSettle);
                cpu.Add(await ProcessStatistics.MeasureCpuPercentAsync(daemon.ReadCpuTime, CpuSpan));
                rss.Add(Units.MiB(daemon.ReadRssBytes() - idleRss));
                await recording.FinishAsync();
            }

            var directory = Directory.CreateTempSubdirectory("recorderd-bench-");
            try
            {
                var (launch, _) = await GstLaunch.StartRecordingAsync(Path.Combine(directory.FullName, "cost.webm"));
                using (launch)
                {
                    await Task.Delay(RecordingSettle);
                    gstLaunchCpu.Add(await ProcessStatistics.MeasureCpuPercentAsync(launch.ReadCpuTime, CpuSpan));
                    gstLaunchRss.Add(Units.MiB(launch.ReadRssBytes()));
                    launch.Finish();
                }
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        var span = $"utime+stime (/proc/PID/stat) over {CpuSpan.TotalSeconds} s of wall time, from {RecordingSettle.TotalSeconds} s after Started";
        return
        [
            Figure.Median("CPU of a 640x480@30 VP8+Opus recording", "% core", cpu, Goal.EveryRunAtMostTimesFloor(1.03),
                $"the daemon's {span}; {Runs} runs, each a fresh daemon with one recording")
            with
            {
                Floor = Floor.Median($"gst-launch-1.0 of the same pipeline, its {span.Replace("Started", "its first bytes")}", gstLaunchCpu),
                RunRatios = [.. cpu.Zip(gstLaunchCpu, (daemon, floor) => daemon / floor)],
            },
            Figure.Median("RSS per active recording", "MiB", rss, Goal.AtMostFloorPlus(2, "MiB"),
                "VmRSS at the end of that span - VmRSS before the recording was created; the same daemons")
            with { Floor = Floor.Median("gst-launch-1.0 of the same pipeline, its VmRSS at the end of the same span", gstLaunchRss) },
        ];
    }
}
