using System.Diagnostics;
using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// Many recordings at once, in one daemon allowed 64: <see cref="Recordings"/> small A/V recordings started in bursts of
/// <see cref="Burst"/> simultaneous Starts, while a second client reads a property every few milliseconds; then they record a while, all
/// stop at once, and their files are decoded for missing frames. The daemon's memory is read before and after.
/// A recording that fails counts as an incomplete file (and is said on standard error), not as a failure of the bench.
/// </summary>
internal static class ConcurrentRecordingsMeasurement
{
    private const int Recordings = 32;
    private const int Burst = 16;
    private const int Framerate = 30;

    private static readonly string[] Sources = ["test:audio", $"test:video?pattern=ball&width=320&height=240&framerate={Framerate}"];

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    // The daemon gives memory back 1 s after the last recording ended (IdleMemory.QuietPeriod).
    private static readonly TimeSpan SettleAfterEnd = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RecordingLength = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BusClient bus)
    {
        await using var daemon = await DaemonUnderTest.StartAsync(bus, settings: ["--Recorderd:MaxConcurrentRecordings=64"]);
        await Task.Delay(Settle);
        var idleRss = daemon.ReadRssBytes();

        var recordings = new List<TestRecording>();
        for (var i = 1; i <= Recordings; i++)
        {
            recordings.Add(await TestRecording.CreateAsync(daemon, Path.Combine(daemon.Directory, $"concurrent-{i}.webm"), Sources, TestRecording.MimeType));
        }

        var getLatencies = new List<double>();
        var busRoundTrips = new List<double>();
        var running = new List<TestRecording>();
        await using (var prober = await RecorderClient.ConnectAsync(bus.Address))
        {
            foreach (var burst in recordings.Chunk(Burst))
            {
                using var stop = new CancellationTokenSource();
                var probe = ProbeAsync(prober, bus, getLatencies, busRoundTrips, stop.Token);
                var started = await Task.WhenAll(burst.Select(recording => SucceedsAsync(recording, recording.StartAsync)));
                await stop.CancelAsync();
                await probe;
                running.AddRange(burst.Where((_, i) => started[i]));
            }
        }

        await Task.Delay(RecordingLength);
        var finished = await Task.WhenAll(running.Select(recording => SucceedsAsync(recording, recording.FinishAsync)));
        var dropped = running.Where((_, i) => finished[i]).Select(recording => DroppedFrames(recording.Location)).OfType<int>().ToList();
        await Task.Delay(SettleAfterEnd);
        var rssAfter = daemon.ReadRssBytes();

        var what = $"{Recordings} concurrent 320x240@{Framerate} VP8+Opus recordings";
        return
        [
            Figure.Single($"{what}: complete files", "files", dropped.Count, Goal.Exactly(Recordings, "files"),
                $"started in bursts of {Burst}, {RecordingLength.TotalSeconds} s long, stopped at once; each Stop answered, no Error, a non-empty file that decodes"),
            Figure.Single($"{what}: dropped frames", "frames", dropped.Sum(), Goal.Exactly(0, "frames"),
                $"per file: (last frame's time - first's) x {Framerate} + 1 - frames decoded (gst-launch-1.0 decodebin), summed"),
            new Figure($"Property Get during bursts of {Burst} Starts", "ms", Statistics.Percentile(getLatencies, 99), $"p99 of {getLatencies.Count}",
                getLatencies, Goal.AtMost(10, "ms"),
                $"a second client's Get(Manager1.Version), one every {ProbeInterval.TotalMilliseconds} ms whether or not the last was answered, while {Burst} Starts run at once until all are Started; both bursts")
            with { Floor = new($"{BusRoundTrip.What}, called beside each Get", Statistics.Percentile(busRoundTrips, 99), $"p99 of {busRoundTrips.Count}", busRoundTrips) },
            Figure.Single($"RSS after {Recordings} recordings ran at once and ended", "MiB", Units.MiB(rssAfter), Goal.AtMostFloorPlus(10, "MiB"),
                $"VmRSS {SettleAfterEnd.TotalSeconds} s after all were stopped and destroyed")
            with { Floor = new("VmRSS of the same daemon before (idle)", Units.MiB(idleRss), "one reading", [Units.MiB(idleRss)]) },
        ];
    }

    /// <summary>
    /// Calls Get every <see cref="ProbeInterval"/> until <paramref name="stop"/>, without waiting for the answers in between, and
    /// times each: a daemon that answers nothing for a second then gives a second's worth of slow samples, not one. Beside each
    /// Get, the bus daemon's own GetId is timed: what the bus, the client and the scheduler cost on the same cores at that time.
    /// </summary>
    private static async Task ProbeAsync(RecorderClient client, BusClient bus, List<double> latencies, List<double> busRoundTrips, CancellationToken stop)
    {
        var calls = new List<Task<double>>();
        var roundTrips = new List<Task<TimeSpan>>();
        while (!stop.IsCancellationRequested)
        {
            calls.Add(TimeGetAsync(client));
            roundTrips.Add(BusRoundTrip.TimeAsync(bus));
            await Task.Delay(ProbeInterval, CancellationToken.None);
        }

        latencies.AddRange(await Task.WhenAll(calls));
        busRoundTrips.AddRange((await Task.WhenAll(roundTrips)).Select(roundTrip => roundTrip.TotalMilliseconds));
    }

    private static async Task<double> TimeGetAsync(RecorderClient client)
    {
        var clock = Stopwatch.StartNew();
        await client.GetVersionAsync(CancellationToken.None);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Whether <paramref name="step"/> of <paramref name="recording"/> succeeded; why not goes to standard error.</summary>
    private static async Task<bool> SucceedsAsync(TestRecording recording, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception failure) when (failure is BenchmarkFailedException or RecorderClientException)
        {
            await Console.Error.WriteLineAsync($"bench: {recording.Location}: {failure.Message}");
            return false;
        }
    }

    /// <summary>The frames missing from the file's video; null (and why on standard error) when it does not decode.</summary>
    private static int? DroppedFrames(string location)
    {
        var (exitCode, times, error) = DecodedVideo.Read(location);
        if (exitCode != 0 || times.Count < 2)
        {
            Console.Error.WriteLine($"bench: {location} did not decode ({exitCode}): {error}");
            return null;
        }

        var expected = (int)Math.Round((times.Max() - times.Min()).TotalSeconds * Framerate) + 1;
        return Math.Max(0, expected - times.Count);
    }
}
