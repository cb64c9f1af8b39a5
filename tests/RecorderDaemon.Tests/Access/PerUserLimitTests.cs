using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// On the system bus the limits hold per user as well as per connection: a user cannot take every slot by opening more
/// connections (each busctl call here is a connection of its own), and another user can still record.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PerUserLimitTests() : WorkDirectoryFixture("recorderd-limits-")
{
    private const string QuotaExceeded = "io.github.recorderd.Error.QuotaExceededError";

    [Test]
    public void OneUsersConnectionsTogetherHoldAtMostItsRecorders()
    {
        using var daemon = SystemBusDaemon.StartWithNogroupRecording("--Recorderd:MaxRecordersPerClient=2");
        var nobody = new CallerCalls(daemon, SystemBusDaemon.NobodyInNogroup);
        nobody.CreatedRecorder(["test:audio"]);
        nobody.CreatedRecorder(["test:audio"]);

        var third = nobody.CreateRecorder(["test:audio"]);
        var roots = new CallerCalls(daemon, []).CreateRecorder(["test:audio"]);

        Assert.That(third.ErrorName, Is.EqualTo(QuotaExceeded), third.Error);
        Assert.That(third.Error, Does.Contain("user 65534 already has 2 recorders over all its connections"));
        Assert.That(roots.ExitCode, Is.Zero, roots.Error);
    }

    [Test]
    public void OneUsersConnectionsTogetherRunAtMostItsRecordings()
    {
        using var daemon = SystemBusDaemon.StartWithNogroupRecording("--Recorderd:MaxConcurrentRecordingsPerUser=1");
        File.SetUnixFileMode(WorkDirectory, (UnixFileMode)0b111_111_111);
        var nobody = new CallerCalls(daemon, SystemBusDaemon.NobodyInNogroup);
        var root = new CallerCalls(daemon, []);
        var first = nobody.CreatedRecorder(["test:audio"], "location", "s", Path.Combine(WorkDirectory, "first.webm"));
        var second = nobody.CreatedRecorder(["test:audio"], "location", "s", Path.Combine(WorkDirectory, "second.webm"));
        var roots = root.CreatedRecorder(["test:audio"], "location", "s", Path.Combine(WorkDirectory, "roots.webm"));

        var started = nobody.Start(first);
        var refused = nobody.Start(second);
        var rootStarted = root.Start(roots);

        Assert.That(started.ExitCode, Is.Zero, started.Error);
        Assert.That(refused.ErrorName, Is.EqualTo(QuotaExceeded), refused.Error);
        Assert.That(refused.Error, Does.Contain("user 65534 already runs 1 recordings"));
        Assert.That(rootStarted.ExitCode, Is.Zero, rootStarted.Error);
    }
}
