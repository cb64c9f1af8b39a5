using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// One fresh <see cref="RecorderdProcess"/> on the bench's bus, in the environment the service has, with a client connected
/// to it and its memory and CPU time read from <c>/proc</c> (<see cref="ProcessStatistics"/>). Disposing kills it.
/// </summary>
internal sealed class DaemonUnderTest : IAsyncDisposable
{
    private readonly RecorderdProcess _process;

    private DaemonUnderTest(RecorderdProcess process, RecorderClient client)
    {
        _process = process;
        Client = client;
    }

    /// <inheritdoc cref="RecorderdProcess.StartLatency"/>
    public TimeSpan StartLatency => _process.StartLatency;

    /// <inheritdoc cref="RecorderdProcess.Directory"/>
    public string Directory => _process.Directory;

    public RecorderClient Client { get; }

    /// <param name="serviceAllocator">run with the allocator settings of the service (<c>MALLOC_ARENA_MAX=2</c>, <c>G_SLICE=always-malloc</c>), or the default ones</param>
    /// <param name="settings">configuration switches, e.g. <c>--Recorderd:MaxConcurrentRecordings=64</c></param>
    /// <exception cref="BenchmarkFailedException">the daemon exited or did not come onto the bus in time</exception>
    public static async Task<DaemonUnderTest> StartAsync(BusClient bus, bool serviceAllocator = true, IEnumerable<string>? settings = null)
    {
        // As the systemd unit and the activation file run it (see packaging/).
        var environment = new Dictionary<string, string?>
        {
            ["MALLOC_ARENA_MAX"] = serviceAllocator ? "2" : null,
            ["G_SLICE"] = serviceAllocator ? "always-malloc" : null,
        };
        RecorderdProcess process;
        try
        {
            // The previous daemon was killed, but the bus may not have dropped its name yet.
            await Poll.UntilAsync(async () => !await bus.NameHasOwnerAsync(RecorderdProcess.BusName), "io.github.recorderd to have no owner before the start");
            process = await RecorderdProcess.StartAsync(bus, environment, settings);
        }
        catch (Exception failure) when (failure is TimeoutException or DaemonExitedException)
        {
            throw new BenchmarkFailedException(failure.Message);
        }

        try
        {
            return new DaemonUnderTest(process, await RecorderClient.ConnectAsync(bus.Address));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="ProcessStatistics.ReadRssBytes"/>
    public long ReadRssBytes() => ReadProc(ProcessStatistics.ReadRssBytes);

    /// <inheritdoc cref="ProcessStatistics.ReadOpenFileCount"/>
    public int ReadOpenFileCount() => ReadProc(ProcessStatistics.ReadOpenFileCount);

    /// <inheritdoc cref="ProcessStatistics.ReadCpuTime"/>
    public TimeSpan ReadCpuTime() => ReadProc(ProcessStatistics.ReadCpuTime);

    /// <summary>A failure of <paramref name="what"/>, with the daemon's output so far.</summary>
    public BenchmarkFailedException Failure(string what) => new($"{what}; recorderd's output:\n{_process.Output}");

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _process.Dispose();
    }

    private T ReadProc<T>(Func<int, T> read) =>
        _process.HasExited ? throw Failure($"recorderd exited with code {_process.ExitCode} during the bench") : read(_process.Id);
}
