namespace RecorderDaemon.Bench;

/// <summary>
/// Whether anything stays behind a recording: one daemon, run with glibc's default allocator (not the service's
/// <c>MALLOC_ARENA_MAX=2</c>), makes <see cref="Cycles"/> audio recordings one after the other, each created,
/// started, stopped once it has its header, checked and destroyed. Its RSS and open descriptors are read after
/// a warm-up and at the end.
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
        for (var i = 1; i <= Cycles; i++)
        {
            var location = Path.Combine(daemon.Directory, $"cycle-{i}.webm");
            var recording = await TestRecording.StartAsync(daemon, location, audioOnly: true);
            await recording.FinishAsync();
            File.Delete(location);
            if (i == WarmUp)
            {
                rssAfterWarmUp = daemon.ReadRssBytes();
                filesAfterWarmUp = daemon.ReadOpenFileCount();
            }
        }

        var rssAtEnd = daemon.ReadRssBytes();
        var filesAtEnd = daemon.ReadOpenFileCount();
        return
        [
            new($"RSS after {WarmUp} audio cycles", "MiB", [Units.MiB(rssAfterWarmUp)],
                "VmRSS with glibc's default allocator; each cycle creates, starts, stops and destroys a recorder"),
            new($"RSS growth over audio cycles {WarmUp + 1}-{Cycles}", "MiB", [Units.MiB(rssAtEnd - rssAfterWarmUp)],
                $"VmRSS after cycle {Cycles} - after cycle {WarmUp}: what {Cycles - WarmUp} further recordings kept (target: under 2 MiB)"),
            new($"Open descriptors after {WarmUp} audio cycles", "fds", [filesAfterWarmUp],
                "entries of /proc/PID/fd"),
            new($"Open descriptors after {Cycles} audio cycles", "fds", [filesAtEnd],
                "the same at the end: as many, when every recording closes what it opened"),
        ];
    }
}
