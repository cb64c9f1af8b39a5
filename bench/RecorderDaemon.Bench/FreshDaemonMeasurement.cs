using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// What a daemon costs before it records much, each figure once per fresh process: the time to come onto
/// the bus, idle memory, the first recording's start latency and the memory of idle recorder objects.
/// </summary>
internal static class FreshDaemonMeasurement
{
    private const int Runs = 5;
    private const int IdleRecorders = 20;

    // Long enough for start-up work (tiered JIT, GStreamer's registry) to show in RSS before it is read.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        var startLatencies = new List<double>();
        var idleRss = new List<double>();
        var firstRecordingLatencies = new List<double>();
        var idleRecorderRss = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            await using var daemon = await DaemonUnderTest.StartAsync(bus);
            startLatencies.Add(daemon.StartLatency.TotalMilliseconds);
            await Task.Delay(Settle);
            idleRss.Add(Units.MiB(daemon.ReadRssBytes()));

            var first = await TestRecording.StartAsync(daemon, Path.Combine(daemon.Directory, $"first-{run}.webm"));
            firstRecordingLatencies.Add(first.StartLatency.TotalMilliseconds);
            await first.FinishAsync();

            idleRecorderRss.Add(Units.KiB(await MeasureRssPerIdleRecorderAsync(daemon)));
        }

        return
        [
            new("Start latency", "ms", startLatencies,
                $"spawn of `dotnet recorderd.dll` until NameHasOwner(io.github.recorderd) (polled every 10 ms); {Runs} fresh daemons"),
            new("Idle RSS", "MiB", idleRss, $"VmRSS {Settle.TotalSeconds} s after coming onto the bus, no recorders; {Runs} fresh daemons"),
            new("First recording start latency", "ms", firstRecordingLatencies,
                $"a fresh daemon's first CreateRecorder + Start until the Started signal (header written); {Runs} fresh daemons"),
            new("RSS per idle recorder", "KiB", idleRecorderRss,
                $"VmRSS growth over creating {IdleRecorders} recorders (not started), / {IdleRecorders}; after that first recording; {Runs} fresh daemons"),
        ];
    }

    private static async Task<long> MeasureRssPerIdleRecorderAsync(DaemonUnderTest daemon)
    {
        await Task.Delay(Settle);
        var before = daemon.ReadRssBytes();
        var recorders = new List<MediaRecorder>();
        for (var i = 0; i < IdleRecorders; i++)
        {
            recorders.Add(await daemon.Client.CreateRecorderAsync(TestRecording.Sources, new MediaRecorderOptions { MimeType = TestRecording.MimeType }));
        }

        await Task.Delay(Settle);
        var after = daemon.ReadRssBytes();
        foreach (var recorder in recorders)
        {
            await recorder.DestroyAsync();
        }

        return (after - before) / IdleRecorders;
    }
}
