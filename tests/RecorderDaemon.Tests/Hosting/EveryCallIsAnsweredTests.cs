using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// The paths on which a reply was easiest to lose, against the real daemon: a Stop still draining when the daemon
/// is told to stop, and a Stop whose caller leaves before the answer. (Failing teardowns and event handlers are
/// injected on fake pipelines, in MediaRecorderFailureTests.)
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class EveryCallIsAnsweredTests
{
    private const string Service = "io.github.recorderd";
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];
    private static readonly TimeSpan ReplyBound = TimeSpan.FromSeconds(20);

    [Test]
    public void AStopInFlightWhenTheDaemonIsTerminatedIsAnsweredBeforeItExits()
    {
        using var daemon = new DaemonProcess();
        var (path, location) = Recording(daemon, daemon.Client);

        var stop = daemon.Client.CallAsync(Service, path, Recorder, "Stop", []);
        daemon.Terminate();

        Assert.That(stop.Wait(ReplyBound), Is.True, $"no reply to Stop: {daemon.Output}");
        Assert.That(daemon.WaitForExit(ReplyBound), Is.True, daemon.Output);
        Assert.Multiple(() =>
        {
            Assert.That(daemon.ExitCode, Is.Zero, daemon.Output);
            Assert.That(GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10)).Seekable, Is.True, "the file was finalized");
        });
    }

    [Test]
    public void AClientThatLeavesBeforeItsStopIsAnsweredLeavesAFinalFileAndADaemonThatServesOthers()
    {
        using var daemon = new DaemonProcess();
        var leaving = daemon.Connect();
        var (path, location) = Recording(daemon, leaving);

        var stop = leaving.CallAsync(Service, path, Recorder, "Stop", []);
        leaving.Dispose();

        Assert.That(() => stop.Wait(ReplyBound), Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<DBusConnectionException>(),
            "the leaving client's own call ends with its connection");
        Poll.Until(() => GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10)).Seekable, "the file to be finalized", ReplyBound);
        daemon.CallRecorder(path, "Destroy");
        Assert.Multiple(() =>
        {
            Assert.That(daemon.ManagedPaths(), Is.Empty);
            Assert.That(daemon.Output, Does.Not.Contain("failed unexpectedly"));
        });
    }

    /// <summary>A recorder of <paramref name="client"/> that has written its header and about half a second more.</summary>
    private static (string Path, string Location) Recording(DaemonProcess daemon, BusClient client)
    {
        var path = daemon.CreateRecorder(client, AudioVideo);
        daemon.CallRecorder(path, "Start", [0u], client);
        Poll.Until(() => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0);
        Thread.Sleep(TimeSpan.FromSeconds(0.5));
        return (path, daemon.GetProperty(path, Recorder, "Location").GetString());
    }
}
