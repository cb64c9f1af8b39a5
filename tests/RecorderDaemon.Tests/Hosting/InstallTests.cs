using System.Diagnostics;

namespace RecorderDaemon.Tests.Hosting;

/// <summary><c>make install</c> and <c>make uninstall</c> into a staging <c>DESTDIR</c>, as a distribution package would run them.</summary>
[TestFixture]
[NonParallelizable]
public sealed class InstallTests() : WorkDirectoryFixture("recorderd-install-")
{
    private const string Prefix = "/usr";
    // Enough for make install to publish both NativeAOT executables first, as after a plain dotnet build (under make test they are up to date).
    private static readonly TimeSpan MakeTimeout = TimeSpan.FromMinutes(10);
    private static readonly byte[] ElfMagic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    private string DestDir => Path.Combine(WorkDirectory, "root");

    [Test]
    public void InstallPutsEveryFileInPlaceWithBindirSubstitutedAndUninstallRemovesThem()
    {
        Make("install");

        var installed = Installed(
            "usr/bin/recorderd", "usr/bin/recorderctl", "usr/lib/systemd/user/recorderd.service",
            "usr/lib/systemd/user/recorderd-record@.service", "usr/lib/systemd/user/recorderd-record@.timer",
            "usr/share/dbus-1/services/io.github.recorderd.service", "usr/share/dbus-1/system.d/io.github.recorderd.conf",
            "usr/share/polkit-1/actions/io.github.recorderd.policy",
            "usr/share/dbus-1/interfaces/io.github.recorderd.Manager1.xml", "usr/share/dbus-1/interfaces/io.github.recorderd.MediaRecorder1.xml");
        Assert.That(installed.Where(file => !File.Exists(file)), Is.Empty, "missing after make install");

        var unit = File.ReadAllText(Path.Combine(DestDir, "usr/lib/systemd/user/recorderd.service"));
        var activation = File.ReadAllText(Path.Combine(DestDir, "usr/share/dbus-1/services/io.github.recorderd.service"));
        Assert.Multiple(() =>
        {
            foreach (var program in new[] { "usr/bin/recorderd", "usr/bin/recorderctl" })
            {
                var file = new FileInfo(Path.Combine(DestDir, program));
                Assert.That(file.LinkTarget, Is.Null, $"{program} is the executable itself");
                Assert.That(file.UnixFileMode, Is.EqualTo((UnixFileMode)0b111_101_101), $"{program} is rwxr-xr-x");
                Assert.That(File.ReadAllBytes(file.FullName)[..4], Is.EqualTo(ElfMagic), $"{program} is a native (NativeAOT) executable, no assembly for dotnet");
            }

            Assert.That(Directory.Exists(Path.Combine(DestDir, "usr/lib/recorderd")), Is.False, "no framework-dependent program directory");
            Assert.That(unit, Does.Contain("\nExecStart=/usr/bin/recorderd --activated\n").And.Not.Contain("@bindir@"));
            Assert.That(File.ReadAllText(Path.Combine(DestDir, "usr/lib/systemd/user/recorderd-record@.service")),
                Does.Contain("\nExecStart=/usr/bin/recorderctl record --profile %i\n").And.Not.Contain("@bindir@"));
            Assert.That(unit, Does.Contain("\nType=notify\n").And.Contain("\nBusName=io.github.recorderd\n").And.Contain("\nEnvironment=MALLOC_ARENA_MAX=2\n").And.Contain("\nEnvironment=G_SLICE=always-malloc\n"));
            Assert.That(activation, Does.Contain("\nName=io.github.recorderd\n").And.Contain("\nExec=/usr/bin/env MALLOC_ARENA_MAX=2 G_SLICE=always-malloc /usr/bin/recorderd --activated\n")
                .And.Contain("\nSystemdService=recorderd.service\n").And.Not.Contain("@bindir@"));
            Assert.That(File.ReadAllText(Path.Combine(DestDir, "usr/share/dbus-1/interfaces/io.github.recorderd.Manager1.xml")),
                Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryRoot, "data/dbus/io.github.recorderd.Manager1.xml"))));
            Assert.That(File.ReadAllText(Path.Combine(DestDir, "usr/share/polkit-1/actions/io.github.recorderd.policy")),
                Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryRoot, "packaging/polkit/io.github.recorderd.policy"))));
        });

        // The installed daemon runs: it rejects a bad setting with its configuration exit code.
        var (exitCode, output) = Run(Path.Combine(DestDir, "usr/bin/recorderd"), ["--Recorderd:MaxConcurrentRecordings=0"], RepositoryRoot);
        Assert.That(exitCode, Is.EqualTo(78), output);

        // And so does recorderctl: a usage error is its exit code 2.
        (exitCode, output) = Run(Path.Combine(DestDir, "usr/bin/recorderctl"), ["no-such-command"], RepositoryRoot);
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("'no-such-command'"));

        Make("uninstall");

        Assert.That(installed.Where(file => new FileInfo(file) is { Exists: true } or { LinkTarget: not null }), Is.Empty, "left behind by make uninstall");
    }

    private static string RepositoryRoot => ChildProcess.RepositoryRoot;

    private IEnumerable<string> Installed(params string[] paths) => paths.Select(path => Path.Combine(DestDir, path)).ToList();

    private void Make(string target)
    {
        var (exitCode, output) = Run("make", [target, $"DESTDIR={DestDir}", $"PREFIX={Prefix}"], RepositoryRoot);
        Assert.That(exitCode, Is.Zero, $"make {target} failed:\n{output}");
    }

    private static (int ExitCode, string Output) Run(string program, string[] args, string directory)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = directory };
        // Not a sub-make of `make test`: its jobserver and flags are not ours.
        foreach (var inherited in new[] { "MAKEFLAGS", "MFLAGS", "MAKELEVEL" })
        {
            start.Environment.Remove(inherited);
        }

        var (exitCode, output, error) = ChildProcess.Run(start, MakeTimeout);
        return (exitCode, output + error);
    }
}
