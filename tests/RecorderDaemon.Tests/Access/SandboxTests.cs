using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// A caller inside a Flatpak sandbox names no paths: no <c>location</c>, no <c>file://</c> source, no default location;
/// it passes its output as <c>outputFd</c>. The sandbox is made for real as far as recorderd looks: the caller runs
/// chrooted, in a private mount namespace, into a root holding <c>/.flatpak-info</c> (scripts/flatpak-sandbox.sh).
/// Needs root for the namespace.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SandboxTests() : WorkDirectoryFixture("recorderd-sandbox-")
{
    private const string NotAllowed = "io.github.recorderd.Error.NotAllowedError";

    private DaemonProcess _daemon = null!;
    private CallerCalls _sandboxed = null!;

    [OneTimeSetUp]
    public void StartDaemon()
    {
        RootOnly.Require("the sandboxed caller runs in a mount namespace of its own");

        _daemon = new DaemonProcess();
        _sandboxed = new CallerCalls(_daemon, Sandbox(TestCaller.Location));
    }

    [OneTimeTearDown]
    public void StopDaemon() => _daemon?.Dispose();

    [Test]
    public void ASandboxedCallerMustPassItsOutput()
    {
        var refused = _sandboxed.CreateRecorder(["test:audio"]);

        Assert.That(refused.ErrorName, Is.EqualTo(NotAllowed), refused.Error);
        Assert.That(refused.Error, Does.Contain("must pass its output file as 'outputFd'"));
    }

    [Test]
    public void ASandboxedCallerMayNotNameAnOutputPath()
    {
        var location = Path.Combine(WorkDirectory, "x.webm");

        var refused = _sandboxed.CreateRecorder(["test:audio"], "location", "s", location);

        Assert.That(refused.ErrorName, Is.EqualTo(NotAllowed), refused.Error);
        Assert.That(refused.Error, Does.Contain("outputFd"));
        Assert.That(location, Does.Not.Exist);
    }

    [Test]
    public void ASandboxedCallerRecordsIntoTheFileItPassesButMayNotAddAFileSource()
    {
        var output = Path.Combine(TestCaller.Location, $"sandboxed-{Guid.NewGuid():N}.webm");
        try
        {
            var (exitCode, recorder, error) = TestCaller.CreateRecorder(_daemon.Address, output, ["test:audio"], Sandbox(TestCaller.Location));
            Assert.That(exitCode, Is.Zero, error);
            var fileSource = _sandboxed.Call(recorder, "AddSource", "s", new Uri(output).AbsoluteUri);
            _daemon.CallRecorder(recorder, "Start", [0u]);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            _daemon.CallRecorder(recorder, "Stop");

            Assert.That(fileSource.ErrorName, Is.EqualTo(NotAllowed), fileSource.Error);
            Assert.That(fileSource.Error, Does.Contain("file source"));
            Assert.That(GstDiscoverer.Discover(new Uri(output).AbsoluteUri, TimeSpan.FromSeconds(10)).AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs a command as if inside a Flatpak sandbox, with <paramref name="directory"/> visible in it.</summary>
    private static string[] Sandbox(string directory) =>
        [Path.Combine(AppContext.BaseDirectory, "scripts", "flatpak-sandbox.sh"), directory];
}
