using System.Diagnostics;

namespace RecorderDaemon.Bench;

/// <summary>
/// What running recordings cost, in one daemon: CPU with 1 and then 2 recordings, then memory with 4. Every
/// recording is stopped, finalized and checked at the end.
/// </summary>
internal static class RecordingLoadMeasurement
{
    private const int RecordingsForMemory = 4;
    private const int CpuSlices = 10;
    private const int MemorySamples = 5;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecordingSettle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MemorySettle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        await using var daemon = await DaemonUnderTest.StartAsync(bus);
        await Task.Delay(Settle);
        var idleRss = daemon.ReadRssBytes();
        var recordings = new List<TestRecording>();

        async Task RecordUntilAsync(int count)
        {
            while (recordings.Count < count)
            {
                recordings.Add(await TestRecording.StartAsync(daemon, Path.Combine(daemon.Directory, $"load-{recordings.Count + 1}.webm")));
            }
        }

        await RecordUntilAsync(1);
        await Task.Delay(RecordingSettle);
        var cpuWithOne = await SampleCpuPerRecordingAsync(daemon, recordings.Count);

        await RecordUntilAsync(2);
        await Task.Delay(RecordingSettle);
        var cpuWithTwo = await SampleCpuPerRecordingAsync(daemon, recordings.Count);

        await RecordUntilAsync(RecordingsForMemory);
        await Task.Delay(MemorySettle);
        var rssPerRecording = new List<double>();
        for (var i = 0; i < MemorySamples; i++)
        {
            rssPerRecording.Add(Units.MiB((daemon.ReadRssBytes() - idleRss) / RecordingsForMemory));
            await Task.Delay(SampleInterval);
        }

        await Task.WhenAll(recordings.Select(recording => recording.FinishAsync()));

        var window = $"{CpuSlices} s window in 1 s slices";
        return
        [
            new("CPU per recording, 1 running", "% core", cpuWithOne,
                $"daemon utime+stime (/proc/PID/stat) / wall time, {window}, 640x480@30 VP8/Opus"),
            new("CPU per recording, 2 running", "% core", cpuWithTwo, "as above with 2 recordings, / 2"),
            new("RSS per active recording", "MiB", rssPerRecording,
                $"(VmRSS - idle VmRSS) / {RecordingsForMemory}, {MemorySettle.TotalSeconds} s after the {RecordingsForMemory}th started; {MemorySamples} readings 1 s apart"),
        ];
    }

    /// <summary>The daemon's CPU use in <see cref="CpuSlices"/> slices of about a second, each in % of one core per recording.</summary>
    internal static async Task<double[]> SampleCpuPerRecordingAsync(DaemonUnderTest daemon, int recordings)
    {
        var slices = new double[CpuSlices];
        var wall = Stopwatch.StartNew();
        var (cpuBefore, wallBefore) = (daemon.ReadCpuTime(), wall.Elapsed);
        for (var i = 0; i < slices.Length; i++)
        {
            await Task.Delay(SampleInterval);
            var (cpuNow, wallNow) = (daemon.ReadCpuTime(), wall.Elapsed);
            slices[i] = (cpuNow - cpuBefore) / (wallNow - wallBefore) * 100 / recordings;
            (cpuBefore, wallBefore) = (cpuNow, wallNow);
        }

        return slices;
    }
}
