using System.Diagnostics;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The real daemon as a user runs it: a private <c>dbus-daemon</c> and a <c>recorderd</c> process
/// serving on it, writing into a temp directory, plus a client connection for the tests.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly PrivateBus _bus = new();
    private readonly Process _daemon;
    private readonly StringWriter _log = new();

    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    public DaemonProcess(params string[] settings) : this(null, settings) { }

    /// <param name="environment">variables set for the daemon process only (e.g. a private PipeWire's <c>XDG_RUNTIME_DIR</c>)</param>
    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    public DaemonProcess(IDictionary<string, string>? environment, params string[] settings)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("recorderd-daemon-").FullName;
        var start = new ProcessStartInfo("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "recorderd.dll"), "--bus-address", _bus.Address,
            $"--Recorderd:VideosDirectory={Directory}", $"--Recorderd:MusicDirectory={Directory}", .. settings,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _daemon = Process.Start(start)!;
        _daemon.OutputDataReceived += (_, line) => Log(line.Data);
        _daemon.ErrorDataReceived += (_, line) => Log(line.Data);
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();
        Loop = new GLibLoop("test-client");
        Connection = DBusConnection.ForAddress(Loop, _bus.Address);
        WaitUntilServing();
    }

    public string Address => _bus.Address;

    public string Directory { get; }

    public GLibLoop Loop { get; }

    /// <summary>A client connection of the test process.</summary>
    public DBusConnection Connection { get; }

    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _daemon.HasExited;

    /// <summary>Stops the daemon as systemd would (SIGTERM) and returns its exit code; 134 means it aborted.</summary>
    public int Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_daemon.WaitForExit(timeout))
        {
            throw new TimeoutException($"recorderd did not exit within {timeout} of SIGTERM: {Output}");
        }

        _daemon.WaitForExit();
        return _daemon.ExitCode;
    }

    public GVariant Call(string path, string iface, string method, GVariant? parameters = null, DBusConnection? connection = null) =>
        (connection ?? Connection).CallAsync(Loop, "io.github.recorderd", path, iface, method, parameters, null, CallTimeout).GetAwaiter().GetResult();

    public GVariant CallManager(string method, GVariant? parameters = null) =>
        Call("/io/github/recorderd", "io.github.recorderd.Manager1", method, parameters);

    public GVariant CallRecorder(string path, string method, GVariant? parameters = null, DBusConnection? connection = null) =>
        Call(path, "io.github.recorderd.MediaRecorder1", method, parameters, connection);

    /// <summary>CreateRecorder with these sources and <c>a{sv}</c> options; returns the object path.</summary>
    public string CreateRecorder(string[] sources, params (string Key, GVariant Value)[] options) =>
        CallManager("CreateRecorder", GVariant.Tuple(
            GVariant.StringArray(sources),
            GVariant.VariantDictionary(options.Select(option => KeyValuePair.Create(option.Key, option.Value))))).GetChild(0).GetString();

    public GVariant GetProperty(string path, string iface, string name) =>
        Call(path, "org.freedesktop.DBus.Properties", "Get", GVariant.Tuple(GVariant.String(iface), GVariant.String(name))).GetChild(0).Unbox();

    public string RecorderState(string path) => GetProperty(path, "io.github.recorderd.MediaRecorder1", "State").GetString();

    /// <summary>Runs <c>busctl --address=… ARGS</c> as a user would type it.</summary>
    public (int ExitCode, string Output, string Error) Busctl(params string[] args)
    {
        var start = new ProcessStartInfo("busctl", [$"--address={Address}", .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var busctl = Process.Start(start)!;
        var output = busctl.StandardOutput.ReadToEndAsync();
        var error = busctl.StandardError.ReadToEnd();
        busctl.WaitForExit();
        return (busctl.ExitCode, output.Result, error);
    }

    public void Dispose()
    {
        if (!_daemon.HasExited)
        {
            _daemon.Kill(entireProcessTree: true);
            _daemon.WaitForExit();
        }

        Connection.Dispose();
        Loop.Dispose();
        _bus.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void WaitUntilServing()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !_daemon.HasExited)
        {
            var owned = Connection.CallAsync(Loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
                GVariant.Tuple(GVariant.String("io.github.recorderd")), "(b)", CallTimeout).GetAwaiter().GetResult();
            if (owned.GetChild(0).GetBoolean())
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"recorderd did not come onto the bus: {Output}");
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }
}
