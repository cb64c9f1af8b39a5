using RecorderDaemon.Client;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Ctl;

/// <summary>Clients that outlive the daemon: the client library and <c>recorderctl watch</c> say that it left.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RecorderctlDaemonExitTests
{
    [Test]
    public async Task TheClientIsToldWhenTheDaemonLeavesTheBus()
    {
        using var daemon = new DaemonProcess();
        await using var client = await RecorderClient.ConnectAsync(daemon.Address);
        var running = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DaemonRunningChanged += (_, isRunning) => running.TrySetResult(isRunning);

        daemon.Terminate();

        Assert.That(await running.Task.WaitAsync(TimeSpan.FromSeconds(20)), Is.False);
    }

    [Test]
    public void WatchPrintsDaemonExitedAndGoesOnUntilSigint()
    {
        using var daemon = new DaemonProcess();
        using var watch = Recorderctl.Start(["--bus-address", daemon.Address, "watch"]);
        watch.WaitForError("Watching recorderd ");

        daemon.Terminate();
        var line = watch.WaitForOutput(output => output.EndsWith(" DaemonExited", StringComparison.Ordinal));
        watch.Signal("INT");
        var result = watch.WaitForExit();

        Assert.That(line, Does.Match(@"^\d\d:\d\d:\d\d\.\d{3} /io/github/recorderd DaemonExited$"));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
