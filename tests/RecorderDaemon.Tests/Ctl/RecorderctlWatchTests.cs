using System.Globalization;
using System.Text.RegularExpressions;
using RecorderDaemon.Client;

namespace RecorderDaemon.Tests.Ctl;

/// <summary><c>recorderctl watch</c>: the events of a recorder another client drives, one line each, in order.</summary>
[TestFixture]
public sealed partial class RecorderctlWatchTests : RecorderctlFixture
{
    [Test]
    public async Task ARecordingWithATimesliceIsPrintedInOrderAndSigintEndsTheWatch()
    {
        using var watch = StartWatching();
        var recorder = await Client.CreateRecorderAsync(["test:audio"]);
        await recorder.StartAsync(timeslice: 200);
        WaitForEvent(watch, recorder, "Started");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await recorder.StopAsync();
        await recorder.DestroyAsync();

        var (result, events) = StopWatching(watch, recorder);

        var runs = events.Select(e => e.Name).Where((name, i) => i == 0 || name != events[i - 1].Name);
        Assert.That(runs, Is.EqualTo(new[] { "Added", "Started", "DataAvailable", "Stopped", "Removed" }), result.ToString());
        var chunks = events.Where(e => e.Name == "DataAvailable").Select(e => DataAvailable(e.Details)).ToList();
        Assert.That(chunks, Has.Count.GreaterThanOrEqualTo(3), "one chunk about every 200 ms of a second's recording, and the last");
        Assert.That(chunks[0].Offset, Is.Zero);
        Assert.That(chunks[0].Timecode, Is.Zero);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.That(chunks[i].Offset, Is.EqualTo(chunks[i - 1].Offset + chunks[i - 1].Size), "the chunks follow each other in the file");
            Assert.That(chunks[i].Timecode, Is.GreaterThan(chunks[i - 1].Timecode));
        }
    }

    [Test]
    public async Task PauseResumeAndAnErrorArePrintedWithTheirDetails()
    {
        using var watch = StartWatching();
        var recorder = await Client.CreateRecorderAsync(["test:audio"]);
        await recorder.StartAsync();
        WaitForEvent(watch, recorder, "Started");
        await recorder.PauseAsync();
        await recorder.ResumeAsync();
        await recorder.AddSourceAsync(VideoSource);
        WaitForEvent(watch, recorder, "Stopped");
        await recorder.DestroyAsync();

        var (result, events) = StopWatching(watch, recorder);

        Assert.That(events.Select(e => e.Name), Is.EqualTo(new[] { "Added", "Started", "Paused", "Resumed", "Error", "DataAvailable", "Stopped", "Removed" }), result.ToString());
        Assert.That(events.Single(e => e.Name == "Error").Details, Does.StartWith("InvalidModificationError: "));
    }

    /// <summary>Starts <c>recorderctl watch</c> and waits until it watches.</summary>
    private Recorderctl StartWatching()
    {
        var watch = Start(["watch"]);
        Assert.That(watch.WaitForError("Watching recorderd "), Does.Match(@"^Watching recorderd \d+\.\d+\.\d+.*; Ctrl\+C to stop\.$"));
        return watch;
    }

    private static void WaitForEvent(Recorderctl watch, MediaRecorder recorder, string name) =>
        watch.WaitForOutput(line => line.EndsWith($" {recorder.ObjectPath} {name}", StringComparison.Ordinal));

    /// <summary>
    /// Once <paramref name="recorder"/>'s Removed is printed, ends the watch with SIGINT, asserting that it exits 0 and
    /// that every line has the documented shape; returns how it ended and the events printed for the recorder.
    /// </summary>
    private static (RecorderctlResult Result, List<(string Name, string Details)> Events) StopWatching(Recorderctl watch, MediaRecorder recorder)
    {
        WaitForEvent(watch, recorder, "Removed");
        watch.Signal("INT");
        var result = watch.WaitForExit();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Output.Select(line => EventLine().Match(line)).ToList();
        Assert.That(lines, Has.All.Property(nameof(Match.Success)).True, result.ToString());
        return (result, [.. from line in lines
                            where line.Groups["path"].Value == recorder.ObjectPath
                            select (line.Groups["event"].Value, line.Groups["details"].Value)]);
    }

    private static (ulong Offset, ulong Size, double Timecode) DataAvailable(string details)
    {
        var match = DataAvailableDetails().Match(details);
        Assert.That(match.Success, Is.True, details);
        return (ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), ulong.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (?<path>/\S+) (?<event>\w+)(?: (?<details>.+))?$")]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^offset=(\d+) size=(\d+) timecode=(\d+(?:\.\d+)?)$")]
    private static partial Regex DataAvailableDetails();
}
