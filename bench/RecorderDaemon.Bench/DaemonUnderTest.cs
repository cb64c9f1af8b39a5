using System.Globalization;
using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// One fresh <see cref="RecorderdProcess"/> on the bench's bus, in the environment the service has, with a client connected
/// to it and its memory and CPU time read from <c>/proc</c>. Disposing kills it.
/// </summary>
internal sealed class DaemonUnderTest : IAsyncDisposable
{
    private readonly RecorderdProcess _process;

    private DaemonUnderTest(RecorderdProcess process, RecorderClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>The kernel's clock ticks per second (<c>getconf CLK_TCK</c>), the unit of CPU times in <c>/proc/PID/stat</c>.</summary>
    public static long ClockTicksPerSecond { get; } = long.Parse(ChildProcess.Succeed("getconf", "CLK_TCK").Trim(), CultureInfo.InvariantCulture);

    /// <inheritdoc cref="RecorderdProcess.StartLatency"/>
    public TimeSpan StartLatency => _process.StartLatency;

    /// <inheritdoc cref="RecorderdProcess.Directory"/>
    public string Directory => _process.Directory;

    public RecorderClient Client { get; }

    /// <param name="serviceAllocator">run with the allocator setting of the service (<c>MALLOC_ARENA_MAX=2</c>), or glibc's default</param>
    /// <exception cref="BenchmarkFailedException">the daemon exited or did not come onto the bus in time</exception>
    public static async Task<DaemonUnderTest> StartAsync(BusClient bus, bool serviceAllocator = true)
    {
        // As the systemd unit and the activation file run it (see packaging/).
        var environment = new Dictionary<string, string?> { ["MALLOC_ARENA_MAX"] = serviceAllocator ? "2" : null };
        RecorderdProcess process;
        try
        {
            // The previous daemon was killed, but the bus may not have dropped its name yet.
            await Poll.UntilAsync(async () => !await bus.NameHasOwnerAsync(RecorderdProcess.BusName), "io.github.recorderd to have no owner before the start");
            process = await RecorderdProcess.StartAsync(bus, environment);
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

    /// <summary>Resident memory: <c>VmRSS</c> of <c>/proc/PID/status</c>.</summary>
    public long ReadRssBytes()
    {
        const string Field = "VmRSS:";
        var line = ReadProcFile("status").Split('\n').Single(line => line.StartsWith(Field, StringComparison.Ordinal));
        var kibibytes = line[Field.Length..].Trim().Split(' ')[0]; // "VmRSS:	  123456 kB"
        return long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>How many file descriptors the daemon has open: the entries of <c>/proc/PID/fd</c>.</summary>
    public int ReadOpenFileCount() => ReadProc(() => System.IO.Directory.GetFileSystemEntries($"/proc/{_process.Id}/fd").Length);

    /// <summary>CPU time of all the daemon's threads so far: <c>utime + stime</c> of <c>/proc/PID/stat</c>.</summary>
    public TimeSpan ReadCpuTime()
    {
        var stat = ReadProcFile("stat");
        // Field 2, the command name, is in parentheses and may hold spaces; the fields after it do not. Counting
        // from field 3 after it, utime (field 14) and stime (field 15) are at 11 and 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>A failure of <paramref name="what"/>, with the daemon's output so far.</summary>
    public BenchmarkFailedException Failure(string what) => new($"{what}; recorderd's output:\n{_process.Output}");

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _process.Dispose();
    }

    private string ReadProcFile(string name) => ReadProc(() => File.ReadAllText($"/proc/{_process.Id}/{name}"));

    private T ReadProc<T>(Func<T> read) =>
        _process.HasExited ? throw Failure($"recorderd exited with code {_process.ExitCode} during the bench") : read();
}
