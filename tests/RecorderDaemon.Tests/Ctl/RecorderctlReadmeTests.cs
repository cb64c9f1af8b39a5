using System.Diagnostics;

namespace RecorderDaemon.Tests.Ctl;

/// <summary>The README's recorderctl script, run verbatim by bash with recorderctl on PATH and the daemon's bus as the session bus.</summary>
[TestFixture]
public sealed class RecorderctlReadmeTests : RecorderctlFixture
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);

    [Test]
    public async Task TheScriptingExampleWorksAsWritten()
    {
        var script = ShellBlockAfter("In a script:");
        Assert.That(script, Does.Contain("recorderctl start").And.Contain("recorderctl stop"));

        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script + "\nprintf '%s\\n' \"$file\""]) { WorkingDirectory = Daemon.Directory };
        start.Environment["PATH"] = $"{Recorderctl.InstallWrapper(Path.Combine(Daemon.Directory, "bin"))}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = Daemon.Address;
        var (exitCode, output, error) = ChildProcess.Run(start, ScriptTimeout);

        Assert.That(exitCode, Is.Zero, output + error);
        var file = output.TrimEnd('\n').Split('\n')[^1];
        Assert.That(file, Does.StartWith(Daemon.Directory));
        AssertFinalizedWebm(file, Is.GreaterThan(TimeSpan.Zero), withVideo: false);
        Assert.That(await Client.ListRecordersAsync(), Is.Empty, "the script destroys its recorder");
    }

    /// <summary>The first <c>```sh</c> block after the README line <paramref name="marker"/>.</summary>
    private static string ShellBlockAfter(string marker)
    {
        var readme = File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("```sh\n", readme.IndexOf(marker, StringComparison.Ordinal), StringComparison.Ordinal) + "```sh\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
