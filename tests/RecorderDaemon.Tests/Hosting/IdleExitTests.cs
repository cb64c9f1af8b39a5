using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>An activated daemon exits after IdleExitSeconds without recorder objects; a recorder, even an inactive one, keeps it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class IdleExitTests
{
    private const string IdleMessage = "No recorder for";

    [Test]
    public void AnActivatedDaemonWithoutRecordersExitsByItself()
    {
        using var daemon = new DaemonProcess("--activated", "--Recorderd:IdleExitSeconds=1");

        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(10)), Is.True, $"recorderd did not exit when idle: {daemon.Output}");
        Assert.That(daemon.ExitCode, Is.Zero, daemon.Output);
        Assert.That(daemon.Output, Does.Contain(IdleMessage + " 1 s"));
    }

    [Test]
    public void ARecorderKeepsAnActivatedDaemonUntilItIsDestroyed()
    {
        using var daemon = new DaemonProcess("--activated", "--Recorderd:IdleExitSeconds=1.5");
        var path = daemon.CreateRecorder(["test:audio"]);

        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(3)), Is.False, $"recorderd exited with an (inactive) recorder: {daemon.Output}");

        daemon.CallRecorder(path, "Destroy");
        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(10)), Is.True, $"recorderd did not exit once idle again: {daemon.Output}");
        Assert.That(daemon.ExitCode, Is.Zero, daemon.Output);
        Assert.That(daemon.Output, Does.Contain(IdleMessage));
    }

    [Test]
    public void ADaemonStartedWithoutActivatedNeverExitsWhenIdle()
    {
        using var daemon = new DaemonProcess("--Recorderd:IdleExitSeconds=1");

        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(2.5)), Is.False, daemon.Output);
        Assert.That(daemon.Output, Does.Not.Contain(IdleMessage));
    }
}
