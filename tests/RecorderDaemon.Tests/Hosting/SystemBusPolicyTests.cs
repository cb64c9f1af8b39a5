using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// The shipped system bus policy (<c>packaging/dbus/io.github.recorderd.conf</c>) on a private bus that denies
/// what Debian's <c>system.conf</c> denies by default: owning names and calling methods.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SystemBusPolicyTests() : WorkDirectoryFixture("recorderd-policy-")
{
    [Test]
    public void WithThePolicyRecorderdOwnsItsNameAndOtherProcessesMayCallIt()
    {
        using var daemon = DaemonProcess.WithBusPolicy(PrivateBus.SystemDefaultPolicy + $"<include>{ShippedPolicy()}</include>", null);

        var (exitCode, output, error) = daemon.Busctl(
            "call", "io.github.recorderd", "/io/github/recorderd", "io.github.recorderd.Manager1", "IsTypeSupported", "s", "audio/webm");

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output.Trim(), Is.EqualTo("b true"));
    }

    [Test]
    public void WithoutThePolicyTheBusRefusesRecorderdItsName()
    {
        var exited = Assert.Throws<DaemonExitedException>(() => DaemonProcess.WithBusPolicy(PrivateBus.SystemDefaultPolicy, null).Dispose());

        Assert.That(exited!.ExitCode, Is.Not.Zero);
        Assert.That(exited.Output, Does.Contain("the bus refused the name io.github.recorderd: its policy does not let this user own it"));
    }

    /// <summary>
    /// The shipped file, where it lets root own the name, letting the user who runs the tests stand in for
    /// root (the same as root when CI runs them).
    /// </summary>
    private string ShippedPolicy()
    {
        var policy = File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, "packaging", "dbus", "io.github.recorderd.conf"));
        Assert.That(policy, Does.Contain("<policy user=\"root\">"));
        var path = Path.Combine(WorkDirectory, "io.github.recorderd.conf");
        File.WriteAllText(path, policy.Replace("user=\"root\"", $"user=\"{Environment.UserName}\"", StringComparison.Ordinal));
        return path;
    }
}
