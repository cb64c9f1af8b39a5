namespace RecorderDaemon.Bench;

/// <summary>
/// What a just activated daemon costs, each figure once per fresh process, each run next to its floor runs: the time to come onto
/// the bus against a GStreamer program's whole life, idle memory, and the first recording's start against gst-launch-1.0's time to
/// the same file's first bytes.
/// </summary>
internal static class ColdStartMeasurement
{
    private const int Runs = 5;

    // Long enough for start-up work (tiered JIT, GStreamer's registry) to show in RSS before it is read.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        var startLatencies = new List<double>();
        var emptyPipelineLifetimes = new List<double>();
        var idleRss = new List<double>();
        var firstRecordingLatencies = new List<double>();
        var gstLaunchFirstBytes = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            emptyPipelineLifetimes.Add(GstLaunch.TimeToExit(GstLaunch.EmptyPipeline).TotalMilliseconds);

            await using (var daemon = await DaemonUnderTest.StartAsync(bus))
            {
                startLatencies.Add(daemon.StartLatency.TotalMilliseconds);
                await Task.Delay(Settle);
                idleRss.Add(Units.MiB(daemon.ReadRssBytes()));

                var first = await TestRecording.StartAsync(daemon, Path.Combine(daemon.Directory, $"first-{run}.webm"));
                firstRecordingLatencies.Add(first.CreateAndStartLatency.TotalMilliseconds);
                await first.FinishAsync();
            }

            var directory = Directory.CreateTempSubdirectory("recorderd-bench-");
            try
            {
                var (launch, firstBytes) = await GstLaunch.StartRecordingAsync(Path.Combine(directory.FullName, "first.webm"));
                using (launch)
                {
                    gstLaunchFirstBytes.Add(firstBytes.TotalMilliseconds);
                    launch.Finish();
                }
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        return
        [
            Figure.Median("Cold start: spawn → bus name owned", "ms", startLatencies, Goal.AtMostTimesFloor(3),
                $"spawn of the daemon until NameHasOwner(io.github.recorderd) (polled every 10 ms); {Runs} fresh daemons")
            with { Floor = Floor.Median("gst-launch-1.0 fakesrc num-buffers=1 ! fakesink, spawn → exit", emptyPipelineLifetimes) },
            Figure.Median("Idle RSS", "MiB", idleRss, Goal.AtMost(25, "MiB"),
                $"VmRSS {Settle.TotalSeconds} s after coming onto the bus, no recorders; the same daemons"),
            Figure.Median("First recording, fresh daemon: CreateRecorder + Start → Started, A/V", "ms", firstRecordingLatencies, Goal.AtMostTimesFloor(1.2),
                "a fresh daemon's first CreateRecorder + Start until the Started signal (header written); the same daemons")
            with { Floor = Floor.Median("gst-launch-1.0 of the same pipeline, spawn → the file's first bytes", gstLaunchFirstBytes) },
        ];
    }
}
