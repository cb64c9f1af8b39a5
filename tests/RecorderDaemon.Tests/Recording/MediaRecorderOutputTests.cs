using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>What ends up in the files: codecs, durations, pauses closed up, chunks that concatenate into a playable file.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderOutputTests
{
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];

    [Test]
    public void AStoppedRecordingIsAWebmWithItsCodecsAndDuration()
    {
        using var harness = new RecorderHarness(AudioVideo);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1500);
        harness.Stop();

        var info = harness.Discover();
        Assert.That(info.ContainerType, Is.EqualTo("video/webm"));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.5).Within(0.5));
        Assert.That(info.Seekable, Is.True, "the duration and cues are written at stop");
        Assert.That(harness.Recorder.BytesWritten, Is.EqualTo(new FileInfo(harness.Recorder.Location).Length));
    }

    [Test]
    public void PausedTimeIsAbsentFromTheFile()
    {
        using var harness = new RecorderHarness(AudioVideo);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.OnLoop(harness.Recorder.Pause);
        Thread.Sleep(1500);
        harness.OnLoop(harness.Recorder.Resume);
        Thread.Sleep(1000);
        harness.Stop();

        Assert.That(harness.Discover().Duration.TotalSeconds, Is.EqualTo(2.0).Within(0.5));
        Assert.That(harness.Recorder.Duration.TotalSeconds, Is.EqualTo(2.0).Within(0.5));
    }

    [Test]
    public void StopAfterTheTracksEndedCompletesOnlyOnceTheDrainingFileIsFinal()
    {
        using var harness = new RecorderHarness(["test:audio?duration=500"]);
        Task? stop = null;
        var completedWhenCalled = true;
        harness.OnLoop(() => harness.Recorder.PropertyChanged += (_, change) =>
        {
            if (change.PropertyName == nameof(MediaRecorder.State) && harness.Recorder.State == RecordingState.Inactive)
            {
                // Once the recorder has finished ending the recording by itself, while the pipeline drains.
                harness.Post(() =>
                {
                    stop = harness.Recorder.Stop();
                    completedWhenCalled = stop.IsCompleted;
                });
            }
        });

        harness.Start();
        harness.WaitForEvent("stop");

        Assert.That(stop, Is.Not.Null, "the recorder went inactive when its track ended");
        Assert.That(completedWhenCalled, Is.False, "stop() on a recorder still draining must wait for its file");
        Assert.That(stop!.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(harness.Discover().Duration.TotalSeconds, Is.EqualTo(0.5).Within(0.2));
    }

    [Test]
    public void AFileSourceIsRecordedUntilItEnds()
    {
        using var input = new RecorderHarness(["test:audio?duration=1000", "test:video?width=160&height=120&duration=1000"]);
        input.Start();
        input.WaitForStopped();

        using var harness = new RecorderHarness([new Uri(input.Recorder.Location).AbsoluteUri]);
        harness.Start();
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var info = harness.Discover();
        Assert.That((info.VideoTypes, info.AudioTypes), Is.EqualTo((new[] { "video/x-vp8" }, new[] { "audio/x-opus" })));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.3));
    }

    [Test]
    public void AFileSourceIsReadFromTheFileOpenedWhenTheSourceWasCheckedNotFromItsPath()
    {
        using var input = RecordedAudio(TimeSpan.FromMilliseconds(500));
        using var harness = new RecorderHarness([new Uri(input.Recorder.Location).AbsoluteUri]);
        File.Delete(input.Recorder.Location);

        harness.Start();
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var recorded = harness.Discover();
        Assert.That(recorded.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(recorded.Duration.TotalSeconds, Is.EqualTo(0.5).Within(0.2));
    }

    [Test]
    public void ARecordingThatFailsBeforeWritingAnythingLeavesNoEmptyFile()
    {
        using var input = RecordedAudio(TimeSpan.FromMilliseconds(300));
        using var harness = new RecorderHarness([new Uri(input.Recorder.Location).AbsoluteUri]);
        File.WriteAllBytes(input.Recorder.Location, []); // after the source was checked: it fails only once the pipeline reads it
        var messages = new List<string>();
        harness.OnLoop(() => harness.Recorder.Error += error => messages.Add(error.Message));

        harness.Start();
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:UnknownError", "data", "stop" }));
        Assert.That(harness.Chunks.Single().Size, Is.Zero);
        Assert.That(messages.Single(), Does.Contain("Stream doesn't contain enough data"), "the error says what is wrong");
        Assert.That(File.Exists(harness.Recorder.Location), Is.False, "an empty file would not play");
    }

    [Test]
    public void StopWhilePausedFinalizesTheFile()
    {
        using var harness = new RecorderHarness(AudioVideo);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.OnLoop(harness.Recorder.Pause);
        harness.WaitForEvent("pause");
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "pause", "data", "stop" }));
        var info = harness.Discover();
        Assert.That(info.Seekable, Is.True);
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.5));
    }

    [Test]
    public void TimesliceChunksConcatenateIntoAPlayableFile()
    {
        using var harness = new RecorderHarness(AudioVideo);
        harness.Start(timeslice: 250);
        harness.WaitForEvent("start");
        Thread.Sleep(1500);
        harness.Stop();

        var chunks = harness.Chunks;
        Assert.That(chunks, Has.Length.GreaterThanOrEqualTo(4));
        for (var i = 1; i < chunks.Length; i++)
        {
            Assert.That(chunks[i].Offset, Is.EqualTo(chunks[i - 1].Offset + chunks[i - 1].Size), "ranges are contiguous");
        }

        var concatenated = Path.Combine(harness.Directory, "concatenated.webm");
        File.WriteAllBytes(concatenated, [.. harness.ChunkBytes.SelectMany(bytes => bytes)]);
        var info = harness.Discover(concatenated);
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));

        // Chunks read live hold the muxer's provisional header (the duration is written at stop),
        // so decode the whole thing to see that every frame plays.
        Assert.That(MediaProbe.LastVideoFrameTime(concatenated).TotalSeconds, Is.EqualTo(1.5).Within(0.5));
    }

    [Test]
    public void StartingAgainAfterStopWritesANewFile()
    {
        using var harness = new RecorderHarness(AudioVideo);
        harness.Start();
        harness.WaitForEvent("start");
        harness.Stop();
        var first = harness.Recorder.Location;
        harness.ClearEvents();
        harness.Start();
        harness.WaitForEvent("start");
        harness.Stop();

        Assert.That(harness.Recorder.Location, Is.Not.EqualTo(first));
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Discover(first).VideoTypes, Is.Not.Empty);
        Assert.That(harness.Discover().VideoTypes, Is.Not.Empty);
    }

    [Test]
    public void AnExistingFileIsNeverOverwritten()
    {
        var directory = Directory.CreateTempSubdirectory("recorderd-existing-").FullName;
        var requested = Path.Combine(directory, "take.webm");
        File.WriteAllText(requested, "precious");
        using var harness = new RecorderHarness(AudioVideo, new RecorderOptions { Location = requested });
        harness.Start();
        harness.WaitForEvent("start");
        harness.Stop();

        Assert.That(File.ReadAllText(requested), Is.EqualTo("precious"));
        Assert.That(harness.Recorder.Location, Is.EqualTo(Path.Combine(directory, "take (2).webm")));
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void AudioOnlyRecordingsGoToTheMusicDirectoryWithTheDefaultName()
    {
        using var harness = new RecorderHarness(["test:audio"]);
        harness.Start();
        harness.WaitForEvent("start");
        harness.Stop();

        Assert.That(Path.GetDirectoryName(harness.Recorder.Location), Is.EqualTo(Path.Combine(harness.Directory, "Music")));
        Assert.That(Path.GetFileName(harness.Recorder.Location), Does.Match(@"^Recording \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\.webm$"));
        Assert.That(harness.MimeTypeAtStart, Is.EqualTo("audio/webm;codecs=opus"));
        Assert.That(harness.Discover().AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
    }

    [Test]
    public void AStuckStopIsTornDownAfterTheTimeoutWithAWarning()
    {
        // A zero timeout is due on the loop's next iteration, and a due deadline runs before the bus watch.
        using var harness = new RecorderHarness(AudioVideo, stopTimeout: TimeSpan.Zero);
        var warnings = new List<string>();
        harness.OnLoop(() => harness.Recorder.Warning += warnings.Add);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(500);
        harness.Stop();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(warnings, Has.Some.Contains("did not finish within"));
        Assert.That(harness.Discover().VideoTypes, Is.Not.Empty, "what was written before the teardown still plays");
    }

    [Test]
    public void AFileSourceIsRecordedAtRealTimeUntilItEnds()
    {
        using var original = new RecorderHarness(["test:audio?duration=1000", "test:video?width=160&height=120&duration=1000"]);
        original.Start();
        original.WaitForStopped();

        using var harness = new RecorderHarness([new Uri(original.Recorder.Location).AbsoluteUri]);
        harness.Start();
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        var info = harness.Discover();
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.3));
    }

    [Test]
    public void StopCompletesWithAFinalFileEvenWhenAStoppedHandlerFails()
    {
        using var harness = new RecorderHarness(["test:audio"]);
        harness.OnLoop(() => harness.Recorder.Stopped += () => throw new InvalidOperationException("a Stopped handler failed"));
        harness.Start();
        harness.WaitForEvent("start");

        harness.Stop();

        Assert.That(harness.Discover().AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
    }

    [Test]
    public void StopCompletesWithAFinalFileEvenWhenAStartedHandlerFailsDuringIt()
    {
        using var harness = new RecorderHarness(["test:audio"]);
        harness.OnLoop(() => harness.Recorder.Started += () => throw new InvalidOperationException("a Started handler failed"));

        var stopped = harness.OnLoop(() =>
        {
            _ = harness.Recorder.StartAsync(0);
            return harness.Recorder.Stop();
        });

        Assert.That(stopped.Wait(TimeSpan.FromSeconds(30)), Is.True, "Stop completed");
        Assert.That(harness.Events, Does.Contain("stop"));
    }

    /// <summary>A finished recording of a test tone, whose file (<c>Recorder.Location</c>) is there until the harness is disposed.</summary>
    private static RecorderHarness RecordedAudio(TimeSpan length)
    {
        var input = new RecorderHarness([$"test:audio?duration={length.TotalMilliseconds}"]);
        input.Start();
        input.WaitForStopped();
        return input;
    }
}
