using RecorderDaemon.Bench;

// `make bench` runs this under dbus-run-session: the daemons it starts serve on that private bus.
var busAddress = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
if (string.IsNullOrEmpty(busAddress))
{
    Console.Error.WriteLine("bench: DBUS_SESSION_BUS_ADDRESS is not set; run `make bench`, which starts a private session bus");
    return 2;
}

try
{
    using var bus = await BusClient.ConnectAsync(busAddress);
    Console.WriteLine("Starting fresh daemons...");
    var figures = new List<Figure>(await FreshDaemonMeasurement.RunAsync(bus));
    Console.WriteLine("Measuring running recordings...");
    figures.AddRange(await RecordingLoadMeasurement.RunAsync(bus));
    Console.WriteLine("Measuring each video codec...");
    figures.AddRange(await CodecCostMeasurement.RunAsync(bus));
    Console.WriteLine("Recording repeatedly...");
    figures.AddRange(await RepeatedRecordingMeasurement.RunAsync(bus));
    Console.WriteLine("Recording audio 1000 times...");
    figures.AddRange(await AudioCycleMeasurement.RunAsync(bus));

    Console.WriteLine();
    Console.WriteLine($"recorderd on {Environment.ProcessorCount} cores (CLK_TCK {ProcessStatistics.ClockTicksPerSecond}), {DateTime.Now:yyyy-MM-dd}");
    FigureTable.Print(Console.Out, figures);
    return 0;
}
catch (Exception failure)
{
    // A BenchmarkFailedException explains itself; for anything else (a bug, an error reply) the trace helps.
    Console.Error.WriteLine($"bench failed, no figures: {(failure is BenchmarkFailedException ? failure.Message : failure)}");
    return 1;
}
