namespace RecorderDaemon.Tests.Ctl;

/// <summary>recorderctl's exit codes as scripts see them: 1 refused, 2 usage, 4 unreachable (3 is in <see cref="RecorderctlRecordTests"/>).</summary>
[TestFixture]
public sealed class RecorderctlExitCodeTests : RecorderctlFixture
{
    [TestCase("recorderctl")]
    [TestCase("recorderctl", "bogus")]
    [TestCase("recorderctl stop", "stop")]
    [TestCase("recorderctl stop", "stop", "foo")]
    [TestCase("recorderctl stop", "stop", "1", "--all")]
    [TestCase("recorderctl record", "record", "--audio", "test:audio", "--duration", "0")]
    public async Task AWrongCommandLineExits2WithAMessageAndAHint(string command, params string[] args)
    {
        var result = Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Has.Count.EqualTo(2), "one problem, one hint: " + result);
        Assert.That(result.Error.SkipLast(1), Has.All.StartWith("recorderctl: "));
        Assert.That(result.Error[^1], Is.EqualTo($"Try '{command} --help'."));
        Assert.That(await Client.ListRecordersAsync(), Is.Empty, "nothing reached the daemon");
    }

    [Test]
    public async Task PauseOnAnInactiveRecorderExits1WithInvalidStateError()
    {
        var idle = await Client.CreateRecorderAsync(["test:audio"]);

        var result = Run("pause", idle.ObjectPath);

        AssertRefused(result, "recorderctl: InvalidStateError: ");
        Assert.That(Daemon.RecorderState(idle.ObjectPath), Is.EqualTo("inactive"));
    }

    [Test]
    public void AMissingRecorderExits1NamingIt() =>
        AssertRefused(Run("stop", "99"), "recorderctl: there is no recorder /io/github/recorderd/recorder/99 ");

    [Test]
    public async Task AnUnsupportedTypeExits1WithNotSupportedErrorAndLeavesNoRecorder()
    {
        AssertRefused(Run("record", "--audio", "test:audio", "--type", "video/quicktime", "--duration", "1"), "recorderctl: NotSupportedError: ");
        Assert.That(await Client.ListRecordersAsync(), Is.Empty);
    }

    [Test]
    public async Task AMalformedSourceExits1WithInvalidArgs()
    {
        AssertRefused(Run("start", "--audio", "test:nothing"), "recorderctl: org.freedesktop.DBus.Error.InvalidArgs: ");
        Assert.That(await Client.ListRecordersAsync(), Is.Empty);
    }

    [TestCase("list")]
    [TestCase("types")]
    [TestCase("record", "--audio", "test:audio")]
    public void AnAddressWithNoBusExits4(params string[] args)
    {
        var result = Recorderctl.Run(["--bus-address", "unix:path=/nonexistent", .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Has.Count.EqualTo(1), result.ToString());
        // GLib's own words follow ("Could not connect: No such file or directory"), translated in other locales.
        Assert.That(result.Error[0], Does.StartWith("recorderctl: cannot talk to recorderd: "));
    }

    [TestCase("list")]
    [TestCase("watch")]
    [TestCase("record", "--audio", "test:audio")]
    public void ABusWithoutTheDaemonExits4WithServiceUnknown(params string[] args)
    {
        using var bus = new PrivateBus();

        var result = Recorderctl.Run(["--bus-address", bus.Address, .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Has.Count.EqualTo(1), result.ToString());
        Assert.That(result.Error[0], Does.StartWith("recorderctl: recorderd is not reachable: ").And.Contain("(org.freedesktop.DBus.Error.ServiceUnknown)"));
    }

    private static void AssertRefused(RecorderctlResult result, string message)
    {
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Has.Count.EqualTo(1), result.ToString());
        Assert.That(result.Error[0], Does.StartWith(message));
    }
}
