using System.Diagnostics;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Ctl;

/// <summary>recorderctl's limits, split files, replay buffers and level meter: what the daemon does with them, and what is printed.</summary>
[TestFixture]
public sealed class RecorderctlFilesTests : RecorderctlFixture
{
    [Test]
    public void ATimeLimitStopsTheRecordingWithTheDaemonsWarning()
    {
        var file = OutputFile("limited.webm");

        var result = Run("record", "--audio", "test:audio", "--time-limit", "1.5", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file }));
        Assert.That(result.Error, Has.Some.StartsWith("Warning: the recording reached its time limit (timeLimit) of 1500 ms"));
        AssertFinalizedWebm(file, Is.InRange(TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(1.8)), withVideo: false);
    }

    [Test]
    public void ASplitRecordingPrintsEveryFile()
    {
        var file = OutputFile("parts.webm");

        var result = Run("record", "--audio", "test:audio?duration=2500", "--max-file-duration", "1", "-o", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { file, OutputFile("parts (part 2).webm"), OutputFile("parts (part 3).webm") }));
        Assert.That(result.Error, Has.Some.EqualTo($"Continuing in {OutputFile("parts (part 2).webm")}"));
        foreach (var part in result.Output)
        {
            AssertFinalizedWebm(part, Is.InRange(TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(1.1)), withVideo: false);
        }
    }

    [TestCase("--size-limit", "12X")]
    [TestCase("--max-file-size", "0")]
    [TestCase("--max-file-duration", "-1")]
    public void ABadLimitIsAUsageError(string option, string value)
    {
        var result = Run("record", "--audio", "test:audio", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public void ReplaySavesOnSigusr1AndSaveReplaySavesFromOutside()
    {
        var file = OutputFile("replay.webm");
        using var replay = Start(["replay", "--audio", "test:audio", "--video", VideoSource, "--seconds", "2", "-o", file]);
        replay.WaitForError("Keeping the last seconds in memory");
        Thread.Sleep(3000);

        replay.Signal("USR1");
        Assert.That(replay.WaitForOutput(line => line.Length > 0), Is.EqualTo(file));
        var fromOutside = Run("save-replay", "--all", "-o", OutputFile("outside.webm"));
        replay.Signal("INT");
        var result = replay.WaitForExit();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(fromOutside.ExitCode, Is.Zero, fromOutside.ToString());
        Assert.That(fromOutside.Output, Is.EqualTo(new[] { OutputFile("outside.webm") }));
        foreach (var saved in new[] { file, OutputFile("outside.webm") })
        {
            var info = GstDiscoverer.Discover(new Uri(saved).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.That(info.Duration.TotalSeconds, Is.InRange(2.0, 4.2), saved);
            Assert.That(info.Seekable, Is.True, saved);
        }

        Assert.That(Directory.GetFiles(Daemon.Directory, "replay*"), Has.Length.EqualTo(1), "one save, one file");
    }

    [Test]
    public void OnATerminalRecordShowsALevelMeter()
    {
        // script(1) gives recorderctl a terminal, as a user's shell would, and copies what it shows.
        var recorderctl = string.Join(' ', new[] { "--bus-address", Daemon.Address, "record", "--audio", "test:audio?volume=0.25", "--duration", "1.5",
            "-o", OutputFile("metered.webm") }.Select(BuiltProgram.ShellQuote).Prepend(BuiltProgram.Recorderctl.ShellCommand));
        var (exitCode, shown, _) = ChildProcess.Run(new ProcessStartInfo("script", ["-qefc", recorderctl, "/dev/null"]), TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Zero, shown);
        Assert.That(shown, Does.Match(@"\[#{15}\.{5}\]  -14 dB"), "-14 dBFS fills 15 of the 20 places from -60 dB");
    }
}
