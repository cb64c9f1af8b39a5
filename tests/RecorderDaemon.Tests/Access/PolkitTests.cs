using System.Text.RegularExpressions;
using System.Xml.Linq;
using RecorderDaemon.Access;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// Who may create a recorder on the system bus: whom polkit authorizes for <c>io.github.recorderd.record</c>, root, and
/// without polkit the members of <c>RecordGroup</c>. recorderd runs as root on a private bus with Debian's default system
/// policy and the shipped <c>io.github.recorderd.conf</c>; callers are busctl run as <c>nobody</c>.
/// <para>
/// polkitd itself cannot play its part: it reads actions only from its built-in <c>/usr/share/polkit-1/actions</c>, not
/// from a private directory. So the test process owns <c>org.freedesktop.PolicyKit1</c> on the private bus, as polkitd
/// does on the system bus, and answers <c>CheckAuthorization</c> itself (<see cref="FakePolkitAuthority"/>).
/// </para>
/// Needs root (as CI has) to run recorderd as root and busctl as another user.
/// </summary>
[TestFixture]
[NonParallelizable]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PolkitTests
{
    private const string NotAllowed = "io.github.recorderd.Error.NotAllowedError";
    private const string RecorderPath = "o \"/io/github/recorderd/recorder/";
    private const string NoPolkitWarning = "No polkit authority on the bus";

    /// <summary>What polkit's own <c>org.freedesktop.PolicyKit1.conf</c> allows, with root standing in for polkitd.</summary>
    private const string PolkitBusPolicy = """
        <policy user="root">
          <allow own="org.freedesktop.PolicyKit1"/>
        </policy>
        <policy context="default">
          <allow send_destination="org.freedesktop.PolicyKit1"/>
        </policy>
        """;

    private readonly FakePolkitAuthority _polkit = new();
    private DaemonProcess? _daemon;

    /// <summary>Also ends the test client's connection, which served polkit's object and owned its name.</summary>
    [TearDown]
    public void StopDaemon() => _daemon?.Dispose();

    [Test]
    public void TheShippedActionIsRecordAllowedToActiveSessionsAndToOthersWithAnAdministratorsPassword()
    {
        var policy = XDocument.Load(Path.Combine(ChildProcess.RepositoryRoot, "packaging", "polkit", "io.github.recorderd.policy"));

        var action = policy.Root!.Elements("action").Single();
        var defaults = action.Element("defaults")!;
        Assert.Multiple(() =>
        {
            Assert.That(policy.DocumentType?.PublicId, Is.EqualTo("-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"));
            Assert.That(policy.Root.Element("vendor")?.Value, Is.Not.Empty);
            Assert.That(action.Attribute("id")?.Value, Is.EqualTo(RecordAuthorization.ActionId));
            Assert.That(action.Element("message")?.Value, Is.Not.Empty);
            Assert.That(defaults.Element("allow_any")?.Value, Is.EqualTo("auth_admin"));
            Assert.That(defaults.Element("allow_inactive")?.Value, Is.EqualTo("auth_admin"));
            Assert.That(defaults.Element("allow_active")?.Value, Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task AUserPolkitAuthorizesCreatesARecorderAfterPolkitCheckedItsConnection()
    {
        var daemon = await StartWithPolkitAsync(PolkitAnswer.Allow);

        var (exitCode, output, error) = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder("yes"));

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.StartWith(RecorderPath));
        Assert.That(_polkit.Checks, Is.EqualTo(new[] { new AuthorizationCheck("system-bus-name", UniqueNameOf(error), RecordAuthorization.ActionId, 1) }));
    }

    [TestCase(PolkitAnswer.Deny, "polkit denies io.github.recorderd.record to user 65534")]
    [TestCase(PolkitAnswer.Challenge, "io.github.recorderd.record needs authentication")]
    public async Task AUserPolkitRefusesIsNotAllowedToCreateARecorder(PolkitAnswer answer, string message)
    {
        var daemon = await StartWithPolkitAsync(answer);

        var (exitCode, output, error) = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder("yes"));

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(error, Does.Contain($"error-name={NotAllowed}").And.Contain(message));
        Assert.That(_polkit.Checks, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task APolkitErrorRefusesTheCallWithTheReason()
    {
        var daemon = await StartWithPolkitAsync(PolkitAnswer.Unregistered);

        var (exitCode, output, error) = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder("yes"));

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(error, Does.Contain($"error-name={NotAllowed}")
            .And.Contain("polkit could not decide io.github.recorderd.record for user 65534: Action io.github.recorderd.record is not registered"));
        Assert.That(daemon.Output, Does.Contain("because polkit did not answer: Action io.github.recorderd.record is not registered"));
    }

    [TestCase("yes", 1u)]
    [TestCase("no", 0u)]
    public async Task PolkitMayLetTheCallerAuthenticateOnlyWhenItsCallAllowsInteractiveAuthorization(string allowInteraction, uint flags)
    {
        var daemon = await StartWithPolkitAsync(PolkitAnswer.Allow);

        var (exitCode, _, error) = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder(allowInteraction));

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(_polkit.Checks.Select(check => check.Flags), Is.EqualTo(new[] { flags }));
    }

    [Test]
    public async Task RootCreatesARecorderWithoutPolkitBeingAsked()
    {
        var daemon = await StartWithPolkitAsync(PolkitAnswer.Deny);

        var (exitCode, output, error) = daemon.BusctlShowingErrorNames(CreateRecorder("yes"));

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.StartWith(RecorderPath));
        Assert.That(_polkit.Checks, Is.Empty);
    }

    [Test]
    public void WithoutPolkitMembersOfTheRecordGroupCreateRecordersAndOtherUsersMayNot()
    {
        var daemon = Start("--Recorderd:RecordGroup=audio");

        var supplementaryMember = daemon.BusctlShowingErrorNamesThrough(["setpriv", "--reuid=65534", "--regid=65534", "--groups=audio"], CreateRecorder("yes"));
        var primaryMember = daemon.BusctlShowingErrorNamesThrough(["setpriv", "--reuid=65534", "--regid=audio", "--clear-groups"], CreateRecorder("yes"));
        var other = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder("yes"));

        Assert.That(supplementaryMember.ExitCode, Is.Zero, supplementaryMember.Error);
        Assert.That(supplementaryMember.Output, Does.StartWith(RecorderPath));
        Assert.That(primaryMember.ExitCode, Is.Zero, primaryMember.Error);
        Assert.That(other.ExitCode, Is.Not.Zero, other.Output);
        Assert.That(other.Error, Does.Contain($"error-name={NotAllowed}")
            .And.Contain("without polkit, io.github.recorderd.record is for root and members of group audio only, and user 65534 is not a member"));
        Assert.That(Regex.Count(daemon.Output, NoPolkitWarning), Is.EqualTo(1), daemon.Output);
        Assert.That(daemon.Output, Does.Contain("No polkit authority on the bus: only root and members of group audio may record"));
    }

    [Test]
    public void WithoutPolkitOrTheRecordGroupOnlyRootCreatesRecorders()
    {
        var daemon = Start("--Recorderd:RecordGroup=recorderd-no-such-group");

        var user = daemon.BusctlShowingErrorNamesThrough(SystemBusDaemon.Nobody, CreateRecorder("yes"));
        var root = daemon.BusctlShowingErrorNames(CreateRecorder("yes"));

        Assert.That(user.ExitCode, Is.Not.Zero, user.Output);
        Assert.That(user.Error, Does.Contain($"error-name={NotAllowed}")
            .And.Contain("without polkit, io.github.recorderd.record is for root only: there is no group recorderd-no-such-group"));
        Assert.That(root.ExitCode, Is.Zero, root.Error);
        Assert.That(daemon.Output, Does.Contain("No polkit authority on the bus, and no group recorderd-no-such-group: only root may record"));
    }

    private static string[] CreateRecorder(string allowInteractiveAuthorization) =>
    [
        $"--allow-interactive-authorization={allowInteractiveAuthorization}",
        "call", "io.github.recorderd", "/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder", "asa{sv}", "1", "test:audio", "0",
    ];

    /// <summary>The caller's unique name: where the bus sent its reply to Hello, in busctl's debug log.</summary>
    private static string UniqueNameOf(string busctlDebugLog)
    {
        var hello = Regex.Match(busctlDebugLog, @"Got message type=method_return sender=org\.freedesktop\.DBus destination=(:[0-9.]+) ");
        Assert.That(hello.Success, busctlDebugLog);
        return hello.Groups[1].Value;
    }

    /// <summary>recorderd as root on a private system bus where nobody owns polkit's name yet.</summary>
    private DaemonProcess Start(params string[] settings) => _daemon = SystemBusDaemon.Start(PolkitBusPolicy, null, settings);

    /// <summary><see cref="Start"/>, then the test process owns polkit's name and answers every check with <paramref name="answer"/>.</summary>
    private async Task<DaemonProcess> StartWithPolkitAsync(PolkitAnswer answer)
    {
        var daemon = Start();
        _polkit.Answer = answer;
        await daemon.Client.ServeAsync(_polkit, FakePolkitAuthority.Name);
        return daemon;
    }
}
