using System.Diagnostics;
using System.Text;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A <c>recorderd</c> process as a user runs it (<c>recorderd --bus-address …</c>, the <see cref="BuiltProgram.Recorderd"/>),
/// writing into a temp directory of its own, with its output captured. Disposing kills it and removes the directory.
/// </summary>
public sealed class RecorderdProcess : IDisposable
{
    public const string BusName = "io.github.recorderd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NamePollInterval = TimeSpan.FromMilliseconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RecorderdProcess(string busAddress, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> settings)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("recorderd-daemon-").FullName;
        var start = BuiltProgram.Recorderd.StartInfo(
        [
            "--bus-address", busAddress, $"--Recorderd:VideosDirectory={Directory}", $"--Recorderd:MusicDirectory={Directory}", .. settings,
        ]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // A missing directory, so that a developer's own recorderd.json never leaks in; and state of its own.
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Directory, "no-config");
        start.Environment["XDG_STATE_HOME"] = Path.Combine(Directory, "state");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The directory recorderd's videos and music go to.</summary>
    public string Directory { get; }

    public int Id => _process.Id;

    /// <summary>From spawning the process until <see cref="BusName"/> had an owner.</summary>
    public TimeSpan StartLatency { get; private set; }

    /// <summary>Its standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts recorderd on <paramref name="bus"/>'s bus and waits until it owns <see cref="BusName"/>.</summary>
    /// <param name="environment">
    /// variables to set (or, with a null value, remove) in its environment; <c>XDG_CONFIG_HOME</c> is a missing directory unless given here
    /// </param>
    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    /// <exception cref="DaemonExitedException">it exited before it owned its bus name</exception>
    /// <exception cref="TimeoutException">it did not own its bus name in time</exception>
    public static async Task<RecorderdProcess> StartAsync(
        BusClient bus, IReadOnlyDictionary<string, string?>? environment = null, IEnumerable<string>? settings = null)
    {
        var clock = Stopwatch.StartNew();
        var daemon = new RecorderdProcess(bus.Address, environment, settings ?? []);
        try
        {
            await Poll.UntilAsync(
                async () => daemon.HasExited || await bus.NameHasOwnerAsync(BusName), "recorderd to come onto the bus", StartTimeout, NamePollInterval);
            daemon.StartLatency = clock.Elapsed;
            if (daemon.HasExited)
            {
                daemon._process.WaitForExit();
                throw new DaemonExitedException(daemon.ExitCode, daemon.Output);
            }

            return daemon;
        }
        catch (TimeoutException timeout)
        {
            var output = daemon.Output;
            daemon.Dispose();
            throw new TimeoutException($"{timeout.Message}: {output}", timeout);
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    /// <summary>Sends it a signal by name (<c>TERM</c>, <c>INT</c>, …) with <c>kill</c>.</summary>
    public void Signal(string name) => UnixSignal.Send(_process, name);

    /// <summary>Waits up to <paramref name="timeout"/> for it to exit (and its output to be read); true if it did.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>recorderd exited before it came onto the bus, e.g. because of invalid configuration.</summary>
public sealed class DaemonExitedException(int exitCode, string output)
    : InvalidOperationException($"recorderd exited with code {exitCode} before it came onto the bus: {output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
