using System.Diagnostics;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A private <c>dbus-daemon</c> with a generated session-like config (EXTERNAL auth, allow-all
/// policy) listening on a socket in its own temp directory; killed and removed on Dispose. Given a
/// service directory, it starts the services described there on demand (D-Bus activation).
/// </summary>
public sealed class PrivateBus : IDisposable
{
    private readonly Process _daemon;
    private readonly string _directory;

    /// <summary>A session bus's permissive policy, which also lets tests eavesdrop (<c>busctl monitor</c>).</summary>
    public const string AllowAllPolicy = """
        <policy context="default">
          <allow send_destination="*" eavesdrop="true"/>
          <allow eavesdrop="true"/>
          <allow own="*"/>
        </policy>
        """;

    /// <summary>
    /// The default policy of Debian's <c>/usr/share/dbus-1/system.conf</c> (dbus 1.14), without its includes: every user
    /// may connect, but nobody may own a name or call a method unless a policy file allows it.
    /// </summary>
    public const string SystemDefaultPolicy = """
        <policy context="default">
          <allow user="*"/>
          <deny own="*"/>
          <deny send_type="method_call"/>
          <allow send_type="signal"/>
          <allow send_requested_reply="true" send_type="method_return"/>
          <allow send_requested_reply="true" send_type="error"/>
          <allow receive_type="method_call"/>
          <allow receive_type="method_return"/>
          <allow receive_type="error"/>
          <allow receive_type="signal"/>
          <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
          <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
          <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
        </policy>
        """;

    /// <param name="serviceDirectory">where the bus finds activation files, if anywhere</param>
    /// <param name="policy">the <c>&lt;policy&gt;</c> (and <c>&lt;include&gt;</c>) elements of the bus configuration</param>
    /// <param name="openToEveryUser">
    /// let other users reach the socket, as on the system bus (its directory is the owner's alone otherwise);
    /// whether they may connect is up to the policy's <c>&lt;allow user&gt;</c>
    /// </param>
    public PrivateBus(string? serviceDirectory = null, string policy = AllowAllPolicy, bool openToEveryUser = false)
    {
        _directory = Directory.CreateTempSubdirectory("recorderd-bus-").FullName;
        if (openToEveryUser)
        {
            File.SetUnixFileMode(_directory, File.GetUnixFileMode(_directory) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var config = Path.Combine(_directory, "bus.conf");
        File.WriteAllText(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
              "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:dir={_directory}</listen>
              <auth>EXTERNAL</auth>
              {(serviceDirectory is null ? "" : $"<servicedir>{serviceDirectory}</servicedir>")}
              {policy}
            </busconfig>
            """);

        var start = new ProcessStartInfo("dbus-daemon", [$"--config-file={config}", "--nofork", "--print-address=1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _daemon = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start");
        var stderr = _daemon.StandardError.ReadToEndAsync();
        try
        {
            var address = _daemon.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            Address = !string.IsNullOrEmpty(address)
                ? address
                : throw new InvalidOperationException($"dbus-daemon printed no address: {stderr.Result}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The bus address, e.g. <c>unix:path=/tmp/recorderd-bus-x/dbus-abc,guid=...</c>.</summary>
    public string Address { get; } = "";

    /// <summary>Kills the bus daemon, as a crash of the bus would end it: every connection closes.</summary>
    public void Kill()
    {
        if (!_daemon.HasExited)
        {
            _daemon.Kill();
            _daemon.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _daemon.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
