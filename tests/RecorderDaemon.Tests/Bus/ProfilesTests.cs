using System.Text.RegularExpressions;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Configured profiles: CreateRecorder's option <c>profile</c> takes a profile's sources and options, explicit ones
/// winning; its location template is expanded by the time Start returns; unknown profiles and bad templates are InvalidArgs.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ProfilesTests
{
    private const string Manager = "io.github.recorderd.Manager1";
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess(
        "--Recorderd:Profiles:talk:Sources:0=test:audio",
        "--Recorderd:Profiles:talk:MimeType=audio/ogg",
        "--Recorderd:Profiles:talk:TimeLimit=1000",
        "--Recorderd:Profiles:talk:Location=%p %n.ogg",
        "--Recorderd:Profiles:dated:Sources:0=test:audio",
        "--Recorderd:Profiles:dated:Location=dated/%Y-%m-%d %H%M%S %p.webm");

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void ProfilesListsTheConfiguredNames()
    {
        var names = _daemon.GetProperty("/io/github/recorderd", Manager, "Profiles").GetArray<string>();

        Assert.That(names, Is.EqualTo(new[] { "dated", "talk" }));
    }

    [Test]
    public void AProfileGivesItsSourcesOptionsAndNumberedFilesUnderTheDefaultDirectory()
    {
        var first = _daemon.CreateRecorder([], ("profile", "talk"));
        var second = _daemon.CreateRecorder([], ("profile", "talk"));
        using var signals = new RecorderSignalLog(_daemon, first);

        Assert.That(_daemon.GetProperty(first, Recorder, "Sources").GetArray<string>(), Is.EqualTo(new[] { "test:audio" }));
        _daemon.CallRecorder(first, "Start", [0u]);
        _daemon.CallRecorder(second, "Start", [0u]);
        Assert.That(Location(first), Is.EqualTo(Path.Combine(_daemon.Directory, "talk 1.ogg")), "expanded when Start returns");
        Assert.That(Location(second), Is.EqualTo(Path.Combine(_daemon.Directory, "talk 2.ogg")), "%n is the first number free");
        signals.WaitFor("Stopped");

        Assert.That(signals.TextOf("Warning"), Does.Contain("timeLimit"), "the profile's time limit");
        Assert.That(_daemon.GetProperty(first, Recorder, "MimeType").GetString(), Is.EqualTo("audio/ogg"));
        _daemon.CallRecorder(first, "Destroy");
        _daemon.CallRecorder(second, "Destroy");
    }

    [Test]
    public void ExplicitSourcesAndOptionsWinOverTheProfiles()
    {
        var location = Path.Combine(_daemon.Directory, "explicit.webm");
        var path = _daemon.CreateRecorder(["test:audio?freq=880"], ("profile", "talk"), ("mimeType", "audio/webm"), ("location", location), ("timeLimit", 0u));

        _daemon.CallRecorder(path, "Start", [0u]);
        Thread.Sleep(1500);

        Assert.That(_daemon.GetProperty(path, Recorder, "Sources").GetArray<string>(), Is.EqualTo(new[] { "test:audio?freq=880" }));
        Assert.That(Location(path), Is.EqualTo(location));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("recording"), "timeLimit 0 took the profile's limit away");
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void TheDateAndTimeCodesAreTheStartsLocalTime()
    {
        var path = _daemon.CreateRecorder([], ("profile", "dated"));
        var before = DateTime.Now;
        _daemon.CallRecorder(path, "Start", [0u]);
        var location = Location(path);
        _daemon.CallRecorder(path, "Destroy");

        var match = Regex.Match(location, @"/dated/(\d{4}-\d\d-\d\d \d{6}) dated\.webm$");
        Assert.That(match.Success, location);
        var stamped = DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(stamped, Is.EqualTo(before).Within(TimeSpan.FromSeconds(2)));
        Assert.That(File.Exists(location), "the directory in the template was made");
    }

    [Test]
    public void AnUnknownProfileIsInvalidArgsNamingItAndTheKnownOnes()
    {
        var error = DaemonProcess.ErrorOf(() => _daemon.CreateRecorder([], ("profile", "meeting")));

        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("'meeting'").And.Contain("'dated', 'talk'"));
    }

    [TestCase("%Y/%q.webm", "'%q'")]
    [TestCase("take %", "'%'")]
    [TestCase("%p.webm", "no profile")]
    [TestCase("clips/", "must name a file")]
    public void AMalformedTemplateIsInvalidArgsNamingTheProblem(string template, string named)
    {
        var error = DaemonProcess.ErrorOf(() => _daemon.CreateRecorder(["test:audio"], ("location", template)));

        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("'location'").And.Contain(named));
    }

    private string Location(string path) => _daemon.GetProperty(path, Recorder, "Location").GetString();
}
