using System.Diagnostics;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The real daemon as a user runs it: a private <c>dbus-daemon</c> and a <c>recorderd</c> process
/// serving on it, writing into a temp directory, plus a client connection for the tests.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    /// <summary>
    /// What GDBus (GLib 2.74) answers a call to a path with no object: UnknownMethod, "Object does not
    /// exist at path …"; other D-Bus libraries (and perhaps later GLib) say UnknownObject.
    /// </summary>
    public const string NoSuchObject = "org.freedesktop.DBus.Error.UnknownMethod";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly PrivateBus _bus;
    private readonly Process _daemon;
    private readonly StringWriter _log = new();

    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    public DaemonProcess(params string[] settings)
        : this(environment: null, settings)
    {
    }

    /// <param name="environment">
    /// variables to set (or, with a null value, remove) in the daemon's environment; <c>XDG_CONFIG_HOME</c> is a
    /// missing directory unless given here, so a developer's own <c>recorderd.json</c> never leaks into tests
    /// </param>
    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    /// <exception cref="DaemonExitedException">the daemon exited before it owned its bus name</exception>
    public DaemonProcess(IReadOnlyDictionary<string, string?>? environment, params string[] settings)
        : this(environment, new PrivateBus(), settings)
    {
    }

    private DaemonProcess(IReadOnlyDictionary<string, string?>? environment, PrivateBus bus, string[] settings)
    {
        _bus = bus;
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
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Directory, "no-config");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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
        try
        {
            WaitUntilServing();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// The daemon on a private bus with <paramref name="busPolicy"/> (see <see cref="PrivateBus"/>) instead of an allow-all
    /// policy; like the system bus, other users can reach it (see <see cref="BusctlShowingErrorNamesThrough"/>).
    /// </summary>
    /// <param name="environment">as for the public constructor; null for none</param>
    /// <exception cref="DaemonExitedException">the daemon exited before it owned its bus name</exception>
    public static DaemonProcess WithBusPolicy(string busPolicy, IReadOnlyDictionary<string, string?>? environment, params string[] settings) =>
        new(environment, new PrivateBus(policy: busPolicy, openToEveryUser: true), settings);

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

    /// <summary>The daemon's exit code; only once it has exited.</summary>
    public int ExitCode => _daemon.ExitCode;

    /// <summary>Kills the private bus under the daemon (and the test's client connection).</summary>
    public void KillBus() => _bus.Kill();

    /// <summary>Sends the daemon <c>SIGTERM</c>, as <c>systemctl stop</c> or <c>kill</c> does.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Sends the daemon a signal by name (<c>TERM</c>, <c>INT</c>, …) with <c>kill</c>.</summary>
    public void Signal(string name) => UnixSignal.Send(_daemon, name);

    /// <summary>Waits up to <paramref name="timeout"/> for the daemon to exit (and its output to be read); true if it did.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_daemon.WaitForExit(timeout))
        {
            return false;
        }

        _daemon.WaitForExit();
        return true;
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
    public (int ExitCode, string Output, string Error) Busctl(params string[] args) => RunBusctl(debugLog: false, [], args);

    /// <summary>
    /// <see cref="Busctl"/> with <c>SYSTEMD_LOG_LEVEL=debug</c>, whose stderr shows each message received,
    /// so a failed call's <c>error-name=…</c> can be asserted (plain busctl prints only the message).
    /// </summary>
    public (int ExitCode, string Output, string Error) BusctlShowingErrorNames(params string[] args) => RunBusctl(debugLog: true, [], args);

    /// <summary>
    /// <see cref="BusctlShowingErrorNames"/> run through <paramref name="wrapper"/>: as another user (<c>setpriv --reuid=65534 …</c>,
    /// which needs root and a bus other users can reach, see <see cref="WithBusPolicy"/>) or inside a sandbox.
    /// </summary>
    public (int ExitCode, string Output, string Error) BusctlShowingErrorNamesThrough(string[] wrapper, params string[] args) =>
        RunBusctl(debugLog: true, wrapper, args);

    /// <param name="wrapper">the command that runs busctl, e.g. setpriv with its options; none runs it as this process's user</param>
    private (int ExitCode, string Output, string Error) RunBusctl(bool debugLog, string[] wrapper, string[] args)
    {
        string[] command = [.. wrapper, "busctl", $"--address={Address}", .. args];
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (debugLog)
        {
            start.Environment["SYSTEMD_LOG_LEVEL"] = "debug";
        }

        using var busctl = Process.Start(start)!;
        var output = busctl.StandardOutput.ReadToEndAsync();
        var error = busctl.StandardError.ReadToEnd();
        busctl.WaitForExit();
        return (busctl.ExitCode, output.Result, error);
    }

    /// <summary>Every file under <see cref="Directory"/>, for checking that a failed call left none behind.</summary>
    public string[] Files() => System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Runs a call expected to fail and returns its D-Bus error.</summary>
    public static DBusErrorException ErrorOf(Func<object> call) => Assert.Throws<DBusErrorException>(() => call())!;

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

        if (_daemon.HasExited)
        {
            _daemon.WaitForExit();
            throw new DaemonExitedException(_daemon.ExitCode, Output);
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

/// <summary>The daemon exited before it came onto the bus, e.g. because of invalid configuration.</summary>
public sealed class DaemonExitedException(int exitCode, string output)
    : InvalidOperationException($"recorderd exited with code {exitCode} before it came onto the bus: {output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
