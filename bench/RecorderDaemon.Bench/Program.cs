using System.Diagnostics;
using RecorderDaemon.Bench;

// `make bench` runs this under dbus-run-session: the daemons it starts serve on that private bus.
// Exit codes: 0 every goal met, 3 a goal missed (figures printed and written), 1 the bench failed (no figures), 2 usage.
// Arguments name parts to run alone (e.g. `cold concurrent`), for work on one of them; none runs them all.
const int GoalMissed = 3;
(string Name, string Doing, Func<BusClient, Task<IReadOnlyList<Figure>>> RunAsync)[] parts =
[
    ("cold", "Starting fresh daemons and gst-launch-1.0...", ColdStartMeasurement.RunAsync),
    ("cost", "Measuring a running recording and gst-launch-1.0...", RecordingCostMeasurement.RunAsync),
    ("concurrent", "Running 32 recordings at once...", ConcurrentRecordingsMeasurement.RunAsync),
    ("cycles", "Recording audio 1000 times...", AudioCycleMeasurement.RunAsync),
];
if (args.Except(parts.Select(part => part.Name)).FirstOrDefault() is { } unknown)
{
    Console.Error.WriteLine($"bench: no part '{unknown}' (parts: {string.Join(", ", parts.Select(part => part.Name))})");
    return 2;
}

var busAddress = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
if (string.IsNullOrEmpty(busAddress))
{
    Console.Error.WriteLine("bench: DBUS_SESSION_BUS_ADDRESS is not set; run `make bench`, which starts a private session bus");
    return 2;
}

try
{
    var clock = Stopwatch.StartNew();
    using var bus = await BusClient.ConnectAsync(busAddress);
    var figures = new List<Figure>();
    foreach (var part in parts.Where(part => args.Length == 0 || args.Contains(part.Name)))
    {
        Console.WriteLine(part.Doing);
        figures.AddRange(await part.RunAsync(bus));
    }

    Console.WriteLine();
    Console.WriteLine($"recorderd on {Environment.ProcessorCount} cores (CLK_TCK {ProcessStatistics.ClockTicksPerSecond}), {DateTime.Now:yyyy-MM-dd}, bench took {clock.Elapsed:m\\:ss}");
    FigureTable.Print(Console.Out, figures);
    Console.WriteLine($"Written to {ResultsFile.Write(figures, clock.Elapsed)}");
    return figures.All(figure => figure.Met) ? 0 : GoalMissed;
}
catch (Exception failure)
{
    // A BenchmarkFailedException explains itself; for anything else (a bug, an error reply) the trace helps.
    Console.Error.WriteLine($"bench failed, no figures: {(failure is BenchmarkFailedException ? failure.Message : failure)}");
    return 1;
}
