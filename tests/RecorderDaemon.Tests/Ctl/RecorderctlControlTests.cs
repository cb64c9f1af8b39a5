using System.Text.RegularExpressions;

namespace RecorderDaemon.Tests.Ctl;

/// <summary><c>recorderctl start</c> and the commands that drive a background recording: list, status, pause, resume, stop, destroy.</summary>
[TestFixture]
public sealed class RecorderctlControlTests : RecorderctlFixture
{
    [Test]
    public void StartPrintsThePathThenTheFileAndListShowsItRecording()
    {
        var file = OutputFile("started.webm");

        var (path, printedFile) = StartRecording("--audio", "test:audio", "--video", VideoSource, "-o", file);

        Assert.That(printedFile, Is.EqualTo(file));
        Assert.That(Daemon.RecorderState(path), Is.EqualTo("recording"));
        var list = Run("list");
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        Assert.That(list.Output, Has.Count.EqualTo(1), list.ToString());
        Assert.That(list.Output[0], Does.Match($@"^{path}  recording  \d:\d\d:\d\d\.\d  [\d.]+ (B|KiB|MiB) +{Regex.Escape(file)}$"));
    }

    [Test]
    public void StatusShowsTheRecorderByNumberAndByPath()
    {
        var (path, file) = StartRecording("--audio", "test:audio", "-o", OutputFile("status.webm"));
        // start returns with Start's reply; the full type is the recorder's only from its start event on, which
        // may come after a fast status (as with the NativeAOT recorderctl, which needs no JIT warm-up).
        Poll.Until(() => Run("status", path).Output.Contains("Type:      audio/webm;codecs=opus"), "the recorder's start event to set its type");

        var byNumber = Run("status", path.Split('/')[^1]);
        var byPath = Run("status", path);

        Assert.That(byNumber.ExitCode, Is.Zero, byNumber.ToString());
        Assert.That(byPath.ExitCode, Is.Zero, byPath.ToString());
        Assert.That(byNumber.Output, Does.Contain($"Path:      {path}"));
        Assert.That(byNumber.Output, Does.Contain("State:     recording"));
        Assert.That(byNumber.Output, Does.Contain("Type:      audio/webm;codecs=opus"));
        Assert.That(byNumber.Output, Does.Contain("Sources:   test:audio"));
        Assert.That(byNumber.Output, Does.Contain($"File:      {file}"));
        Assert.That(byPath.Output.Where(line => !line.StartsWith("Time:") && !line.StartsWith("Size:")),
            Is.EqualTo(byNumber.Output.Where(line => !line.StartsWith("Time:") && !line.StartsWith("Size:"))));
    }

    [Test]
    public void PauseAndResumeChangeTheState()
    {
        var (path, _) = StartRecording("--audio", "test:audio");

        var pause = Run("pause", path);
        AssertSilentSuccess(pause);
        Assert.That(Daemon.RecorderState(path), Is.EqualTo("paused"));
        Assert.That(Run("status", path).Output, Does.Contain("State:     paused"));

        var resume = Run("resume", path.Split('/')[^1]);
        AssertSilentSuccess(resume);
        Assert.That(Daemon.RecorderState(path), Is.EqualTo("recording"));
    }

    [Test]
    public void StopPrintsTheFinalizedFile()
    {
        var (path, file) = StartRecording("--audio", "test:audio", "--video", VideoSource, "-o", OutputFile("stopped.webm"));
        Thread.Sleep(TimeSpan.FromSeconds(1));

        var stop = Run("stop", path);

        Assert.That(stop.ExitCode, Is.Zero, stop.ToString());
        Assert.That(stop.Output, Is.EqualTo(new[] { file }));
        Assert.That(Daemon.RecorderState(path), Is.EqualTo("inactive"));
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task DestroyRemovesTheRecorder()
    {
        var (path, file) = StartRecording("--audio", "test:audio", "--video", VideoSource, "-o", OutputFile("destroyed.webm"));

        var destroy = Run("destroy", path);

        AssertSilentSuccess(destroy);
        Assert.That(await Client.ListRecordersAsync(), Is.Empty);
        Assert.That(Run("list").Output, Is.Empty);
        AssertFinalizedWebm(file, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task AllActsOnEveryRecorderItAppliesTo()
    {
        var first = StartRecording("--audio", "test:audio");
        var second = StartRecording("--audio", "test:audio");
        var idle = await Client.CreateRecorderAsync(["test:audio"]);
        string[] recording = [first.Path, second.Path];

        AssertSilentSuccess(Run("pause", "--all"));
        Assert.That(recording.Select(Daemon.RecorderState), Is.All.EqualTo("paused"));
        Assert.That(Daemon.RecorderState(idle.ObjectPath), Is.EqualTo("inactive"), "pause --all leaves inactive recorders alone");

        AssertSilentSuccess(Run("resume", "--all"));
        Assert.That(recording.Select(Daemon.RecorderState), Is.All.EqualTo("recording"));

        AssertSilentSuccess(Run("pause", first.Path));
        var stop = Run("stop", "--all");
        Assert.That(stop.ExitCode, Is.Zero, stop.ToString());
        Assert.That(stop.Output, Is.EquivalentTo(new[] { first.File, second.File }), "a paused and a recording recorder are stopped, the inactive one is not");
        Assert.That(recording.Select(Daemon.RecorderState), Is.All.EqualTo("inactive"));

        AssertSilentSuccess(Run("stop", "--all"));
        AssertSilentSuccess(Run("destroy", "--all"));
        Assert.That(await Client.ListRecordersAsync(), Is.Empty);
    }

    private static void AssertSilentSuccess(RecorderctlResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.Empty, result.ToString());
    }
}
