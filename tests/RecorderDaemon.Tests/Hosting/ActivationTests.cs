using System.Diagnostics;
using RecorderDaemon.Tests.Ctl;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// D-Bus activation through the shipped activation file (<c>packaging/dbus</c>, with <c>@bindir@</c> set as
/// <c>make install</c> does): the first call starts recorderd, which exits when idle, and the next call starts it again.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ActivationTests() : WorkDirectoryFixture("recorderd-activation-")
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public void TheFirstCallStartsRecorderdWhichExitsWhenIdleAndTheNextStartsItAgain()
    {
        using var bus = new PrivateBus(InstallActivationFile(idleExitSeconds: 1));

        Assert.That(RecorderctlOutput(bus, "types"), Does.Contain("audio/ogg;codecs=opus"));
        Assert.That(File.ReadAllText(Path.Combine(WorkDirectory, "malloc-arena-max")), Is.EqualTo("2\n"), "the activation file's environment");
        Poll.Until(() => !NameHasOwner(bus), "the activated recorderd to exit when idle", TimeSpan.FromSeconds(20));

        Assert.That(RecorderctlOutput(bus, "list"), Is.Empty, "a second activation serves a fresh daemon");
        Poll.Until(() => !NameHasOwner(bus), "the activated recorderd to exit when idle", TimeSpan.FromSeconds(20));
        Assert.That(File.ReadAllLines(Path.Combine(WorkDirectory, "activations")), Has.Length.EqualTo(2));
    }

    /// <summary>
    /// The activation file as installed with <c>BINDIR</c> a directory whose <c>recorderd</c> runs the built daemon
    /// (noting each start and its <c>MALLOC_ARENA_MAX</c>); returns the directory to serve it from.
    /// </summary>
    private string InstallActivationFile(int idleExitSeconds)
    {
        var bin = Directory.CreateDirectory(Path.Combine(WorkDirectory, "bin")).FullName;
        var services = Directory.CreateDirectory(Path.Combine(WorkDirectory, "services")).FullName;
        ChildProcess.WriteScript(Path.Combine(bin, "recorderd"), $"""
            #!/bin/sh
            echo started >> '{WorkDirectory}/activations'
            echo "$MALLOC_ARENA_MAX" > '{WorkDirectory}/malloc-arena-max'
            export XDG_CONFIG_HOME='{WorkDirectory}/no-config'
            exec {BuiltProgram.Recorderd.ShellCommand} "$@" --Recorderd:IdleExitSeconds={idleExitSeconds} --Recorderd:VideosDirectory='{WorkDirectory}' --Recorderd:MusicDirectory='{WorkDirectory}'

            """);
        var template = File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, "packaging", "dbus", "io.github.recorderd.service"));
        File.WriteAllText(Path.Combine(services, "io.github.recorderd.service"), template.Replace("@bindir@", bin, StringComparison.Ordinal));
        return services;
    }

    private static IReadOnlyList<string> RecorderctlOutput(PrivateBus bus, string command)
    {
        var result = Recorderctl.Run(["--bus-address", bus.Address, command]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result.Output;
    }

    private static bool NameHasOwner(PrivateBus bus)
    {
        var (_, output, _) = ChildProcess.Run(
            new ProcessStartInfo("busctl", [$"--address={bus.Address}", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s", "io.github.recorderd"]),
            CommandTimeout);
        return output.Trim() == "b true";
    }
}
