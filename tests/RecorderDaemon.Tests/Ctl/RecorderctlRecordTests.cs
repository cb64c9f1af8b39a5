using System.Diagnostics;
using System.Text.RegularExpressions;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Ctl;

/// <summary><c>recorderctl record</c>: how a foreground recording ends, and what it leaves in the file and on the daemon.</summary>
[TestFixture]
public sealed class RecorderctlRecordTests : RecorderctlFixture
{
    private static readonly TimeSpan Recording = TimeSpan.FromSeconds(1.5);

    [Test]
    public async Task ADurationEndsTheRecordingAndItsFileIsPrintedOnStdout()
    {
        var file = OutputFile("duration.webm");

        var result = Run("record", "--audio", "test:audio", "--video", VideoSource, "--duration", "2", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        Assert.That(result.Error, Has.Count.EqualTo(2), result.ToString());
        Assert.That(result.Error[0], Is.EqualTo($"Recording to {file} (Ctrl+C stops)"));
        Assert.That(result.Error[1], Does.Match($@"^Saved {Regex.Escape(file)} \(0:00:0\d\.\d, [\d.]+ (B|KiB|MiB)\)$"));
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(3)));
        Assert.That(await Client.ListRecordersAsync(), Is.Empty, "record destroys its recorder");
    }

    [Test]
    public void RepeatedAudioOptionsAreMixedIntoOneTrack()
    {
        var file = OutputFile("mixed.webm");

        var result = Run("record", "--audio", "test:audio", "--audio", "test:audio?freq=880", "--duration", "1", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var info = RecorderDaemon.Native.GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), "one track carrying both");
        Assert.That(info.Duration, Is.GreaterThan(TimeSpan.FromSeconds(0.8)));
    }

    [Test]
    public void AudioTracksSeparateRecordsEachAudioOptionAsATrack()
    {
        var file = OutputFile("separate.webm");

        var result = Run("record", "--audio", "test:audio", "--audio", "test:audio?freq=880&volume=0.5", "--audio-tracks", "separate", "--duration", "1", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var info = RecorderDaemon.Native.GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus", "audio/x-opus" }), "a track per source");
    }

    [Test]
    public void TheEndOfTheSourcesEndsTheRecording()
    {
        var file = OutputFile("ended.webm");

        var result = Run("record", "--audio", "test:audio?duration=1000", "--video", VideoSource + "&duration=1000", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.2)));
    }

    [Test]
    public async Task PausedTimeDoesNotCountTowardsTheDuration()
    {
        var file = OutputFile("paused.webm");
        var pause = TimeSpan.FromSeconds(1);
        var wallClock = Stopwatch.StartNew();
        using var recorderctl = Start(["record", "--audio", "test:audio", "--video", VideoSource, "--duration", "1.5", "-o", file]);
        recorderctl.WaitForError("Recording to ");
        Thread.Sleep(TimeSpan.FromSeconds(0.5));

        var path = (await Client.ListRecordersAsync()).Single();
        Daemon.CallRecorder(path, "Pause");
        Thread.Sleep(pause);
        Daemon.CallRecorder(path, "Resume");
        var result = recorderctl.WaitForExit();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(wallClock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.5) + pause));
        Assert.That(result.Error.Take(3), Is.EqualTo(new[] { $"Recording to {file} (Ctrl+C stops)", "Paused", "Resumed" }), result.ToString());
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(2.2)));
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task ASignalStopsTheRecordingCleanly(string signal)
    {
        var file = OutputFile($"sig{signal}.webm");
        using var recorderctl = Start(["record", "--audio", "test:audio", "--video", VideoSource, "-o", file]);
        recorderctl.WaitForError("Recording to ");
        var recording = Stopwatch.StartNew();
        Thread.Sleep(Recording);

        var recordedAtLeast = recording.Elapsed;
        recorderctl.Signal(signal);
        var result = recorderctl.WaitForExit();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        Assert.That(result.Error, Has.Some.StartsWith($"Saved {file} "), result.ToString());
        AssertFinalizedWebm(file, Is.InRange(recordedAtLeast - TimeSpan.FromMilliseconds(300), recording.Elapsed + TimeSpan.FromMilliseconds(300)));
        Assert.That(await Client.ListRecordersAsync(), Is.Empty, "record destroys its recorder");
    }

    [Test]
    public async Task WhenRecorderctlIsKilledTheDaemonFinalizesTheFileAndRemovesTheRecorder()
    {
        var file = OutputFile("killed.webm");
        using var removals = new SignalLog(Daemon, "org.freedesktop.DBus.ObjectManager");
        using var recorderctl = Start(["record", "--audio", "test:audio", "--video", VideoSource, "-o", file]);
        recorderctl.WaitForError("Recording to ");
        Thread.Sleep(Recording);

        recorderctl.Signal("KILL");
        var result = recorderctl.WaitForExit();
        removals.WaitFor("InterfacesRemoved");

        Assert.That(result.ExitCode, Is.EqualTo(128 + 9), "killed by SIGKILL");
        Assert.That(result.Output, Is.Empty);
        Assert.That(await Client.ListRecordersAsync(), Is.Empty);
        AssertFinalizedWebm(file, Is.InRange(Recording - TimeSpan.FromMilliseconds(300), Recording + TimeSpan.FromSeconds(1)));
    }

    // AddSource changes the track set, which ends the recording with Error(InvalidModificationError);
    // Destroy finalizes it without any further event.
    [TestCase("AddSource", "InvalidModificationError: ")]
    [TestCase("Destroy", "another client destroyed the recorder")]
    public async Task AnotherClientEndingTheRecordingGivesExitCode3AndTheFileKeepsWhatWasRecorded(string method, string reason)
    {
        var file = OutputFile($"ended-by-{method}.webm");
        using var recorderctl = Start(["record", "--audio", "test:audio", "-o", file]);
        recorderctl.WaitForError("Recording to ");
        Thread.Sleep(TimeSpan.FromSeconds(1));

        VariantValue[]? parameters = method == "AddSource" ? [VideoSource] : null;
        Daemon.CallRecorder((await Client.ListRecordersAsync()).Single(), method, parameters);
        var result = recorderctl.WaitForExit();

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        Assert.That(result.Error[^1], Does.StartWith("recorderctl: the recording failed: " + reason));
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(3)), withVideo: false);
        Assert.That(await Client.ListRecordersAsync(), Is.Empty, "no recorder is left behind");
    }

    [Test]
    public void ARelativeOutputIsResolvedAgainstTheWorkingDirectory()
    {
        var workingDirectory = Directory.CreateDirectory(OutputFile("cwd")).FullName;

        using var recorderctl = Start(["record", "--audio", "test:audio", "--duration", "0.5", "-o", "name.webm"], workingDirectory);
        var result = recorderctl.WaitForExit();

        var file = Path.Combine(workingDirectory, "name.webm");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        Assert.That(File.Exists(file), Is.True, file);
    }

    [Test]
    public void AnExistingFileIsNotOverwrittenAndTheNameUsedIsPrinted()
    {
        var file = OutputFile("existing.webm");
        File.WriteAllText(file, "keep me");

        var result = Run("record", "--audio", "test:audio", "--duration", "0.5", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { OutputFile("existing (2).webm") }));
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep me"));
    }
}
