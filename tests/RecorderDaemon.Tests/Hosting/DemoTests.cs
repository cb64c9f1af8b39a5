using System.Diagnostics;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary><c>scripts/demo.sh</c>, the newcomer's first command (<c>make demo</c> runs it on the built programs).</summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoTests() : WorkDirectoryFixture("recorderd-demo-home-")
{
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public void WithoutASessionBusItStartsAPrivateOneAndShowsTheRecordedFile()
    {
        var start = Demo();
        start.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");
        start.Environment["XDG_RUNTIME_DIR"] = WorkDirectory; // no "bus" socket in it

        var (exitCode, output, error) = ChildProcess.Run(start, DemoTimeout);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Contain("demo: no session bus here").And.Contain("demo: starting recorderd"));
        var file = RecordedFile(output);
        Assert.That(file, Does.StartWith(Path.Combine(WorkDirectory, "Videos", "recorderd", "Recording ")).And.EndWith(".webm"));
        Assert.That(File.Exists(file), Is.True, file);
        Assert.That(output, Does.Contain("container #0: WebM").And.Contain("video #2: VP8").And.Contain("audio #1: Opus")
            .And.Match(@"Duration: 0:00:0[12]\."));
    }

    [Test]
    public void ARecorderdAlreadyOnTheSessionBusIsUsed()
    {
        using var daemon = new DaemonProcess();
        var start = Demo();
        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = daemon.Address;

        var (exitCode, output, error) = ChildProcess.Run(start, DemoTimeout);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Contain("demo: using the recorderd already on the session bus").And.Not.Contain("demo: starting recorderd"));
        Assert.That(RecordedFile(output), Does.StartWith(daemon.Directory));
        Assert.That(daemon.HasExited, Is.False, "the demo must leave a daemon it did not start running");
    }

    private ProcessStartInfo Demo()
    {
        var start = new ProcessStartInfo(Path.Combine(ChildProcess.RepositoryRoot, "scripts", "demo.sh"),
            [BuiltProgram.Recorderd.Path, BuiltProgram.Recorderctl.Path, "1"]);
        start.Environment["HOME"] = WorkDirectory;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(WorkDirectory, ".config");
        start.Environment.Remove("XDG_VIDEOS_DIR");
        return start;
    }

    private static string RecordedFile(string output) =>
        output.Split('\n').Single(line => line.StartsWith("demo: recorded ", StringComparison.Ordinal))["demo: recorded ".Length..];
}
