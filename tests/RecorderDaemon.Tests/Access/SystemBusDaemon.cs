using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// recorderd as root on a private system bus (<c>SystemBus=true</c> with <c>--bus-address</c>): Debian's default system
/// policy plus the shipped <c>io.github.recorderd.conf</c> and <paramref name="extraPolicy"/>. Callers of other users
/// reach it through <see cref="DaemonProcess.BusctlShowingErrorNamesThrough"/> and <see cref="TestCaller"/>. Needs root, as CI has.
/// </summary>
internal static class SystemBusDaemon
{
    /// <summary>Runs a command as <c>nobody</c>, with no groups at all.</summary>
    public static readonly string[] Nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];

    /// <summary>Runs a command as <c>nobody</c> in the group <c>nogroup</c>, which <see cref="StartWithNogroupRecording"/> lets record.</summary>
    public static readonly string[] NobodyInNogroup = ["setpriv", "--reuid=65534", "--regid=65534", "--groups=65534"];

    /// <param name="environment">variables to set in the daemon's environment, as for <see cref="DaemonProcess"/>; null for none</param>
    /// <exception cref="IgnoreException">the tests do not run as root</exception>
    public static DaemonProcess Start(string extraPolicy, IReadOnlyDictionary<string, string?>? environment, params string[] settings)
    {
        RootOnly.Require("recorderd runs as root and its callers as other users (setpriv)");

        var busPolicy = PrivateBus.SystemDefaultPolicy + extraPolicy
            + $"<include>{Path.Combine(ChildProcess.RepositoryRoot, "packaging", "dbus", "io.github.recorderd.conf")}</include>";
        return DaemonProcess.WithBusPolicy(busPolicy, environment, ["--Recorderd:SystemBus=true", .. settings]);
    }

    /// <summary>
    /// <see cref="Start"/> without polkit on the bus and <c>nogroup</c> as the recording group, so that <see cref="NobodyInNogroup"/>
    /// may record and every refusal a test sees comes from the caller's rights, not from authorization.
    /// </summary>
    public static DaemonProcess StartWithNogroupRecording(params string[] settings) => StartWithNogroupRecording(null, settings);

    /// <inheritdoc cref="StartWithNogroupRecording(string[])"/>
    public static DaemonProcess StartWithNogroupRecording(IReadOnlyDictionary<string, string?>? environment, params string[] settings) =>
        Start("", environment, ["--Recorderd:RecordGroup=nogroup", .. settings]);
}
