namespace RecorderDaemon.Tests.Access;

/// <summary>
/// recorderd connects to PipeWire as itself, so on the system bus a <c>pipewire:</c> source is used only if the caller
/// could connect to that PipeWire server too: read and write access to its socket, checked with the caller's rights.
/// The socket here is a stand-in file at <c>$PIPEWIRE_RUNTIME_DIR/pipewire-0</c>; no PipeWire runs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PipeWireAccessTests() : WorkDirectoryFixture("recorderd-pipewire-access-")
{
    [Test]
    public void ACallerWhoCannotReachThePipeWireSocketIsRefused()
    {
        File.SetUnixFileMode(WorkDirectory, (UnixFileMode)0b111_101_101);
        var socket = Path.Combine(WorkDirectory, "pipewire-0");
        File.WriteAllBytes(socket, []);
        File.SetUnixFileMode(socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var daemon = SystemBusDaemon.StartWithNogroupRecording(new Dictionary<string, string?> { ["PIPEWIRE_RUNTIME_DIR"] = WorkDirectory });
        var nobody = new CallerCalls(daemon, SystemBusDaemon.NobodyInNogroup);

        var refused = nobody.CreateRecorder(["pipewire:"]);
        File.SetUnixFileMode(socket, (UnixFileMode)0b110_110_110);
        var reachable = nobody.CreateRecorder(["pipewire:"]);

        Assert.That(refused.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotAllowedError"), refused.Error);
        Assert.That(refused.Error, Does.Contain(socket));
        Assert.That(reachable.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"), "past the access check, no PipeWire answers: " + reachable.Error);
    }
}
