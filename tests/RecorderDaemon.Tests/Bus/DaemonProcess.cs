using System.Diagnostics;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The real daemon as a user runs it: a private <c>dbus-daemon</c> and a <see cref="RecorderdProcess"/>
/// serving on it, plus a client connection and call helpers for the tests.
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
    private readonly ClientConnection _client;
    private readonly RecorderdProcess _daemon;

    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    public DaemonProcess(params string[] settings)
        : this(environment: null, settings)
    {
    }

    /// <param name="environment">as for <see cref="RecorderdProcess.StartAsync"/></param>
    /// <param name="settings">extra configuration switches, e.g. <c>--Recorderd:MaxRecordersPerClient=2</c></param>
    /// <exception cref="DaemonExitedException">the daemon exited before it owned its bus name</exception>
    public DaemonProcess(IReadOnlyDictionary<string, string?>? environment, params string[] settings)
        : this(environment, new PrivateBus(), settings)
    {
    }

    private DaemonProcess(IReadOnlyDictionary<string, string?>? environment, PrivateBus bus, string[] settings)
    {
        _bus = bus;
        try
        {
            _client = new ClientConnection(_bus.Address, "test-client");
            _daemon = RecorderdProcess.StartAsync(_client, environment, settings).GetAwaiter().GetResult();
        }
        catch
        {
            _client?.Dispose();
            _bus.Dispose();
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

    public string Directory => _daemon.Directory;

    public GLibLoop Loop => _client.Loop;

    /// <summary>A client connection of the test process.</summary>
    public DBusConnection Connection => _client.Connection;

    public string Output => _daemon.Output;

    public bool HasExited => _daemon.HasExited;

    /// <summary>The daemon's exit code; only once it has exited.</summary>
    public int ExitCode => _daemon.ExitCode;

    /// <summary>Kills the private bus under the daemon (and the test's client connection).</summary>
    public void KillBus() => _bus.Kill();

    /// <summary>Sends the daemon <c>SIGTERM</c>, as <c>systemctl stop</c> or <c>kill</c> does.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Sends the daemon a signal by name (<c>TERM</c>, <c>INT</c>, …) with <c>kill</c>.</summary>
    public void Signal(string name) => _daemon.Signal(name);

    /// <summary>Waits up to <paramref name="timeout"/> for the daemon to exit (and its output to be read); true if it did.</summary>
    public bool WaitForExit(TimeSpan timeout) => _daemon.WaitForExit(timeout);

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
        var start = new ProcessStartInfo(command[0], command[1..]);
        if (debugLog)
        {
            start.Environment["SYSTEMD_LOG_LEVEL"] = "debug";
        }

        return ChildProcess.Run(start, CallTimeout);
    }

    /// <summary>Every file under <see cref="Directory"/>, for checking that a failed call left none behind.</summary>
    public string[] Files() => System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Runs a call expected to fail and returns its D-Bus error.</summary>
    public static DBusErrorException ErrorOf(Func<object> call) => Assert.Throws<DBusErrorException>(() => call())!;

    public void Dispose()
    {
        _daemon.Dispose();
        _client.Dispose();
        _bus.Dispose();
    }
}
