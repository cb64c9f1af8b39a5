using System.Diagnostics;
using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using RecorderDaemon.Tests.Ctl;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// <c>packaging/systemd/recorderd-record@.service</c> and its example timer: systemd finds nothing wrong in them, and the
/// service's ExecStart, with a profile as its instance, records against a private bus; SIGTERM ends it with a final file.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RecordingUnitTests() : WorkDirectoryFixture("recorderd-units-")
{
    private const string Unit = "packaging/systemd/recorderd-record@.service";
    private const string Timer = "packaging/systemd/recorderd-record@.timer";

    [Test]
    public void TheTemplateAndItsTimerPassSystemdAnalyzeVerify()
    {
        var bin = Recorderctl.InstallWrapper(Path.Combine(WorkDirectory, "bin"));
        var units = Directory.CreateDirectory(Path.Combine(WorkDirectory, "units")).FullName;
        // An instance of each, @bindir@ where `make install` would put recorderctl.
        File.WriteAllText(Path.Combine(units, "recorderd-record@standup.service"), Template(Unit).Replace("@bindir@", bin, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(units, "recorderd-record@standup.timer"), Template(Timer));

        foreach (var unit in Directory.GetFiles(units))
        {
            var (exitCode, output, error) = ChildProcess.Run(new ProcessStartInfo("systemd-analyze", ["verify", unit]), TimeSpan.FromSeconds(30));
            Assert.That((exitCode, output + error), Is.EqualTo((0, "")), unit);
        }
    }

    [Test]
    public void ExecStartRecordsTheProfileUntilItsTimeLimit()
    {
        using var daemon = ProfileDaemon(timeLimitMs: 1500);

        using var service = Start(daemon);
        var (exitCode, output) = service.Wait();

        Assert.That(exitCode, Is.Zero, output);
        var file = Path.Combine(daemon.Directory, "standup.ogg");
        Assert.That(output, Does.Contain(file));
        Assert.That(GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10)).Duration.TotalSeconds, Is.EqualTo(1.5).Within(0.3));
    }

    [Test]
    public void SigtermEndsTheRecordingWithAFinalFileAndExitCodeZero()
    {
        using var daemon = ProfileDaemon(timeLimitMs: 600_000);
        using var service = Start(daemon);
        Thread.Sleep(2500);

        UnixSignal.Send(service.Process, "TERM");
        var (exitCode, output) = service.Wait();

        Assert.That(exitCode, Is.Zero, "Restart=on-failure must not restart a stopped recording");
        var info = GstDiscoverer.Discover(new Uri(Path.Combine(daemon.Directory, "standup.ogg")).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.Seekable, Is.True, output);
        Assert.That(info.Duration.TotalSeconds, Is.GreaterThan(0.5));
    }

    [Test]
    public void AnUnknownProfileExitsWithACodeThatPreventsARestart()
    {
        using var daemon = ProfileDaemon(timeLimitMs: 1000);
        using var service = Start(daemon, profile: "no-such-profile");

        var (exitCode, output) = service.Wait();

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(Template(Unit), Does.Contain("\nRestartPreventExitStatus=1 2\n"));
        Assert.That(output, Does.Contain("unknown profile 'no-such-profile'"));
    }

    [Test]
    public void TheReadmesScheduleExampleIsAConfigurationTheDaemonTakes()
    {
        const string start = "cat > ~/.config/recorderd/recorderd.json <<'JSON'\n";
        var readme = File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, "README.md"));
        var json = readme[(readme.IndexOf(start, StringComparison.Ordinal) + start.Length)..];
        Directory.CreateDirectory(Path.Combine(WorkDirectory, "recorderd"));
        File.WriteAllText(Path.Combine(WorkDirectory, "recorderd", "recorderd.json"), json[..json.IndexOf("\nJSON\n", StringComparison.Ordinal)]);

        using var daemon = new DaemonProcess(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = WorkDirectory });

        Assert.That(daemon.GetProperty("/io/github/recorderd", "io.github.recorderd.Manager1", "Profiles").GetArray<string>(), Is.EqualTo(new[] { "standup" }));
    }

    private static DaemonProcess ProfileDaemon(int timeLimitMs) => new(
        "--Recorderd:Profiles:standup:Sources:0=test:audio",
        "--Recorderd:Profiles:standup:MimeType=audio/ogg",
        $"--Recorderd:Profiles:standup:TimeLimit={timeLimitMs}",
        "--Recorderd:Profiles:standup:Location=%p.ogg");

    private static string Template(string path) => File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, path));

    /// <summary>Runs the unit's ExecStart as systemd would for instance <paramref name="profile"/>, on the daemon's bus.</summary>
    private ServiceProcess Start(DaemonProcess daemon, string profile = "standup")
    {
        var execStart = Template(Unit).Split('\n').Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Replace("@bindir@", Recorderctl.InstallWrapper(Path.Combine(WorkDirectory, "bin")), StringComparison.Ordinal)
            .Replace("%i", profile, StringComparison.Ordinal)
            .Split(' ');
        var start = new ProcessStartInfo(execStart[0], execStart[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = daemon.Address;
        return new ServiceProcess(Process.Start(start)!);
    }

    private sealed class ServiceProcess(Process process) : IDisposable
    {
        private readonly Task<string> _output = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> _error = process.StandardError.ReadToEndAsync();

        public Process Process => process;

        public (int ExitCode, string Output) Wait()
        {
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "the service's process did not end");
            return (process.ExitCode, _output.Result + _error.Result);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
