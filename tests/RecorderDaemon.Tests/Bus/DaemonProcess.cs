using System.Diagnostics;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The real daemon as a user runs it: a private <c>dbus-daemon</c> and a <see cref="RecorderdProcess"/>
/// serving on it, plus a client connection and call helpers for the tests.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    /// <summary>
    /// What recorderd answers a call to a path with no object: UnknownMethod, "Object does not exist at
    /// path …", as GDBus did when it served the contract; other D-Bus libraries say UnknownObject.
    /// </summary>
    public const string NoSuchObject = "org.freedesktop.DBus.Error.UnknownMethod";

    private const string ManagerPath = "/io/github/recorderd";
    private const string ManagerInterface = "io.github.recorderd.Manager1";
    private const string RecorderInterface = "io.github.recorderd.MediaRecorder1";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly PrivateBus _bus;
    private readonly BusClient _client;
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
            _client = BusClient.ConnectAsync(_bus.Address).GetAwaiter().GetResult();
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

    /// <summary>The test process's client connection, which the call helpers use unless given another.</summary>
    public BusClient Client => _client;

    public string Output => _daemon.Output;

    public int ProcessId => _daemon.Id;

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

    /// <summary>A further client connection to the daemon's bus, e.g. to be another client; the caller disposes it.</summary>
    public BusClient Connect() => BusClient.ConnectAsync(Address).GetAwaiter().GetResult();

    /// <summary>Calls the daemon with <paramref name="arguments"/> as they are (see <see cref="MessageArguments"/>), from <paramref name="client"/> or <see cref="Client"/>.</summary>
    /// <exception cref="DBusErrorReplyException">the daemon answered with an error</exception>
    public void Call(string path, string iface, string method, VariantValue[]? arguments = null, BusClient? client = null) =>
        (client ?? _client).CallAsync(RecorderdProcess.BusName, path, iface, method, arguments ?? []).GetAwaiter().GetResult();

    /// <inheritdoc cref="Call(string, string, string, VariantValue[], BusClient)"/>
    /// <returns>the reply as <paramref name="readReply"/> (see <see cref="Replies"/>) reads it</returns>
    public T Call<T>(string path, string iface, string method, MessageValueReader<T> readReply, VariantValue[]? arguments = null, BusClient? client = null) =>
        (client ?? _client).CallAsync(RecorderdProcess.BusName, path, iface, method, arguments ?? [], readReply).GetAwaiter().GetResult();

    public void CallManager(string method, VariantValue[]? arguments = null) => Call(ManagerPath, ManagerInterface, method, arguments);

    public T CallManager<T>(string method, MessageValueReader<T> readReply, VariantValue[]? arguments = null) =>
        Call(ManagerPath, ManagerInterface, method, readReply, arguments);

    public void CallRecorder(string path, string method, VariantValue[]? arguments = null, BusClient? client = null) =>
        Call(path, RecorderInterface, method, arguments, client);

    /// <summary>CreateRecorder with these sources and <c>a{sv}</c> options; returns the object path.</summary>
    public string CreateRecorder(string[] sources, params (string Key, VariantValue Value)[] options) => CreateRecorder(_client, sources, options);

    /// <summary>CreateRecorder from <paramref name="client"/>, which then owns the recorder.</summary>
    public string CreateRecorder(BusClient client, string[] sources, params (string Key, VariantValue Value)[] options) =>
        Call(ManagerPath, ManagerInterface, "CreateRecorder", Replies.ObjectPath,
            [VariantValue.Array(sources), new Dict<string, VariantValue>(options.ToDictionary(option => option.Key, option => option.Value))], client);

    /// <summary><c>Properties.Get</c>: the value inside the variant.</summary>
    public VariantValue GetProperty(string path, string iface, string name) =>
        Call(path, "org.freedesktop.DBus.Properties", "Get", Replies.Variant, [iface, name]);

    public string RecorderState(string path) => GetProperty(path, RecorderInterface, "State").GetString();

    /// <summary>The paths of the objects <c>GetManagedObjects</c> lists.</summary>
    public List<string> ManagedPaths() => [.. Call(ManagerPath, "org.freedesktop.DBus.ObjectManager", "GetManagedObjects", Replies.ManagedObjects).Keys];

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
    public static DBusErrorReplyException ErrorOf(TestDelegate call) => Assert.Throws<DBusErrorReplyException>(call)!;

    public void Dispose()
    {
        _daemon.Dispose();
        _client.Dispose();
        _bus.Dispose();
    }
}
