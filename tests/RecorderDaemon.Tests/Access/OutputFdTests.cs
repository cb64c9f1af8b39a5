using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// <c>outputFd</c>: the client opens the output itself, with its own rights, and passes it; recorderd writes the recording
/// there and names no path. On the session bus from the test's user, on the system bus from <c>nobody</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OutputFdTests() : WorkDirectoryFixture("recorderd-outputfd-")
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    [Test]
    public void OnTheSessionBusTheRecordingGoesToThePassedFileWhichHoldsOneRecording()
    {
        using var daemon = new DaemonProcess();
        var output = Path.Combine(WorkDirectory, "passed.webm");

        var (exitCode, recorder, error) = TestCaller.CreateRecorder(daemon.Address, output, ["test:audio", "test:video"]);
        Assert.That(exitCode, Is.Zero, error);
        daemon.CallRecorder(recorder, "Start", [0u]);
        Thread.Sleep(TimeSpan.FromSeconds(1));
        daemon.CallRecorder(recorder, "Stop");
        var again = DaemonProcess.ErrorOf(() => daemon.CallRecorder(recorder, "Start", [0u]));

        var info = GstDiscoverer.Discover(new Uri(output).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.ContainerType, Is.EqualTo("video/webm"));
        Assert.That(info.Seekable, Is.True, "the muxer went back to write the index and duration");
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1).Within(0.6));
        Assert.That(daemon.GetProperty(recorder, Recorder, "Location").GetString(), Is.Empty);
        Assert.That(daemon.Files(), Is.Empty, "nothing went to the default directory");
        Assert.That(again.ErrorName, Is.EqualTo("io.github.recorderd.Error.InvalidStateError"));
        Assert.That(again.Message, Does.Contain("outputFd"));
    }

    [Test]
    public void OnTheSystemBusNobodyRecordsIntoAFileItOpenedWhereRecorderdWouldNotCreateOne()
    {
        using var daemon = SystemBusDaemon.StartWithNogroupRecording();
        File.SetUnixFileMode(WorkDirectory, (UnixFileMode)0b111_111_111);
        var output = Path.Combine(WorkDirectory, "nobodys.webm");

        var (exitCode, recorder, error) = TestCaller.CreateRecorder(
            daemon.Address, output, ["test:audio"], SystemBusDaemon.NobodyInNogroup);
        Assert.That(exitCode, Is.Zero, error);
        new CallerCalls(daemon, SystemBusDaemon.NobodyInNogroup).Record(recorder, TimeSpan.FromSeconds(1));

        Assert.That(FileOwner.Of(output), Is.EqualTo(65534));
        var info = GstDiscoverer.Discover(new Uri(output).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1).Within(0.6));
    }

    [TestCase("read:{0}", "must be open for writing")]
    [TestCase("append:{0}", "must not be open for appending")]
    [TestCase("pipe", "must be a seekable file")]
    public void AnOutputTheMuxerCannotRewriteIsInvalidArgs(string output, string problem)
    {
        using var daemon = new DaemonProcess();
        var path = Path.Combine(WorkDirectory, "bad.webm");
        File.WriteAllBytes(path, []);

        var (exitCode, _, error) = TestCaller.CreateRecorder(daemon.Address, string.Format(output, path), ["test:audio"]);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("org.freedesktop.DBus.Error.InvalidArgs: option 'outputFd' " + problem));
        Assert.That(daemon.HasExited, Is.False);
    }

    [Test]
    public void AFileThatAlreadyHoldsDataIsInvalidArgsAndKeepsIt()
    {
        using var daemon = new DaemonProcess();
        var path = Path.Combine(WorkDirectory, "precious.txt");
        File.WriteAllText(path, "keep me");

        var (exitCode, _, error) = TestCaller.CreateRecorder(daemon.Address, $"existing:{path}", ["test:audio"]);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("org.freedesktop.DBus.Error.InvalidArgs: option 'outputFd' must be an empty file"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("keep me"));
    }
}
