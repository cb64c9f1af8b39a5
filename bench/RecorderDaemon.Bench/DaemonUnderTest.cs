using System.Diagnostics;
using System.Globalization;
using System.Text;
using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// One fresh recorderd process on the bench's bus, started as the tests start it
/// (<c>dotnet recorderd.dll --bus-address ...</c>) in the environment the service has, with a client connected to it and its memory and CPU
/// time read from <c>/proc</c>. Disposing kills it.
/// </summary>
internal sealed class DaemonUnderTest : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NamePollInterval = TimeSpan.FromMilliseconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private DaemonUnderTest(Process process, StringBuilder output, TimeSpan startLatency, RecorderClient client)
    {
        _process = process;
        _output = output;
        StartLatency = startLatency;
        Client = client;
    }

    /// <summary>The kernel's clock ticks per second (<c>getconf CLK_TCK</c>), the unit of CPU times in <c>/proc/PID/stat</c>.</summary>
    public static long ClockTicksPerSecond { get; } = ReadClockTicksPerSecond();

    /// <summary>From spawning the process until <c>io.github.recorderd</c> had an owner.</summary>
    public TimeSpan StartLatency { get; }

    public RecorderClient Client { get; }

    /// <param name="serviceAllocator">run with the allocator setting of the service (<c>MALLOC_ARENA_MAX=2</c>), or glibc's default</param>
    /// <exception cref="BenchmarkFailedException">the daemon exited or did not come onto the bus in time</exception>
    public static async Task<DaemonUnderTest> StartAsync(SessionBus bus, string outputDirectory, bool serviceAllocator = true)
    {
        // The previous daemon was killed, but the bus may not have dropped its name yet.
        await WaitUntilAsync(async () => !await bus.RecorderdIsServingAsync(), "io.github.recorderd to have no owner before the start");
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(StartInfo(bus.Address, outputDirectory, serviceAllocator))!;
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilAsync(async () => process.HasExited || await bus.RecorderdIsServingAsync(), "recorderd to come onto the bus");
            var startLatency = clock.Elapsed;
            if (process.HasExited)
            {
                throw new BenchmarkFailedException($"recorderd exited with code {process.ExitCode} before it came onto the bus:\n{Read(output)}");
            }

            return new DaemonUnderTest(process, output, startLatency, await RecorderClient.ConnectAsync(bus.Address));
        }
        catch
        {
            await KillAsync(process);
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
    public int ReadOpenFileCount() => ReadProc(() => Directory.GetFileSystemEntries($"/proc/{_process.Id}/fd").Length);

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
    public BenchmarkFailedException Failure(string what) => new($"{what}; recorderd's output:\n{Read(_output)}");

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await KillAsync(_process);
    }

    private static ProcessStartInfo StartInfo(string busAddress, string outputDirectory, bool serviceAllocator)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "recorderd.dll"), "--bus-address", busAddress,
            $"--Recorderd:VideosDirectory={outputDirectory}", $"--Recorderd:MusicDirectory={outputDirectory}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A missing directory, so that a developer's own recorderd.json does not change what is measured.
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(outputDirectory, "no-config");
        if (serviceAllocator)
        {
            // As the systemd unit and the activation file run it (see packaging/).
            start.Environment["MALLOC_ARENA_MAX"] = "2";
        }
        else
        {
            start.Environment.Remove("MALLOC_ARENA_MAX");
        }

        return start;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > StartTimeout)
            {
                throw new BenchmarkFailedException($"waited {StartTimeout.TotalSeconds} s in vain for {what}");
            }

            await Task.Delay(NamePollInterval);
        }
    }

    private static async Task KillAsync(Process process)
    {
        using (process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private string ReadProcFile(string name) => ReadProc(() => File.ReadAllText($"/proc/{_process.Id}/{name}"));

    private T ReadProc<T>(Func<T> read) =>
        _process.HasExited ? throw Failure($"recorderd exited with code {_process.ExitCode} during the bench") : read();

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static long ReadClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", ["CLK_TCK"]) { RedirectStandardOutput = true })!;
        var ticks = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return long.Parse(ticks, CultureInfo.InvariantCulture);
    }
}
