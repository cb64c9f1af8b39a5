namespace RecorderDaemon.Bench;

/// <summary>
/// Warm control latency, and whether anything stays behind a recording: one daemon, run with glibc's default allocator (not the
/// service's <c>MALLOC_ARENA_MAX=2</c>), makes <see cref="Cycles"/> audio recordings one after the other, each created, started,
/// stopped once it has its header, checked and destroyed, with a bare bus round trip after each for the floor of its latencies.
/// Latencies are taken after a warm-up; RSS and open descriptors after the warm-up and at the end.
/// </summary>
internal static class AudioCycleMeasurement
{
    private const int Cycles = 1000;
    private const int WarmUp = 100;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        await using var daemon = await DaemonUnderTest.StartAsync(bus, serviceAllocator: false);
        long rssAfterWarmUp = 0;
        var filesAfterWarmUp = 0;
        var startLatencies = new List<double>();
        var stopLatencies = new List<double>();
        var busRoundTrips = new List<double>();
        for (var i = 1; i <= Cycles; i++)
        {
            var location = Path.Combine(daemon.Directory, $"cycle-{i}.webm");
            var recording = await TestRecording.StartAsync(daemon, location, audioOnly: true);
            await recording.FinishAsync();
            File.Delete(location);
            var roundTrip = await BusRoundTrip.TimeAsync(bus);
            if (i == WarmUp)
            {
                rssAfterWarmUp = daemon.ReadRssBytes();
                filesAfterWarmUp = daemon.ReadOpenFileCount();
            }
            else if (i > WarmUp)
            {
                startLatencies.Add(recording.StartLatency.TotalMilliseconds);
                stopLatencies.Add(recording.StopLatency.TotalMilliseconds);
                busRoundTrips.Add(roundTrip.TotalMilliseconds);
            }
        }

        var rssAtEnd = daemon.ReadRssBytes();
        var filesAtEnd = daemon.ReadOpenFileCount();
        var warm = $"audio cycles {WarmUp + 1}-{Cycles} of one daemon";
        return
        [
            Figure.Median("Start → Started, audio, warm", "ms", startLatencies, Goal.AtMost(30, "ms"),
                $"from calling Start until the Started signal (header written), test:audio as audio/webm;codecs=opus; {warm}"),
            // 10 ms: Stop drains the pipeline and finalizes the file before it answers, and the 3.8 ms measured before is noisy on 2
            // shared cores; 10 ms is still far below what a user notices, and a regression to a blocked loop shows as 10s of ms.
            Figure.Median("Stop → reply, audio", "ms", stopLatencies, Goal.AtMost(10, "ms"),
                $"from calling Stop until its reply (file final); {warm}")
            with { Floor = Floor.Median($"{BusRoundTrip.What}, after each cycle", busRoundTrips) },
            Figure.Single($"RSS after {Cycles} audio cycles", "MiB", Units.MiB(rssAtEnd), Goal.AtMostFloorPlus(2, "MiB"),
                $"VmRSS after cycle {Cycles}, glibc's default allocator: what {Cycles - WarmUp} further recordings kept above the floor")
            with { Floor = new($"VmRSS after cycle {WarmUp}", Units.MiB(rssAfterWarmUp), "one reading", [Units.MiB(rssAfterWarmUp)]) },
            Figure.Single($"Open descriptors after {Cycles} audio cycles", "fds", filesAtEnd, Goal.AtMostFloorPlus(0, "fds"),
                "entries of /proc/PID/fd: as many as after the warm-up, when every recording closes what it opened")
            with { Floor = new($"open descriptors after cycle {WarmUp}", filesAfterWarmUp, "one reading", [filesAfterWarmUp]) },
        ];
    }
}
