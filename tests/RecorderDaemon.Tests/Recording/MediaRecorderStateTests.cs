using RecorderDaemon.Recording;
using static RecorderDaemon.Tests.Recording.FakeRecording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// The spec's state machine and event orders against <see cref="FakeRecordingPipelines"/>: each step the pipeline takes
/// (first output, end of tracks, failure, the end of finishing) happens exactly when the test says, so these orders
/// are checked without timing and in milliseconds. <see cref="MediaRecorderEventTests"/> checks a set against real pipelines.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderStateTests
{

    [Test]
    public void StopIsInactiveAtOnceButCompletesOnlyOnceTheFileIsFinal()
    {
        var (harness, pipelines) = StartedWith(100);
        using var _ = harness;

        var stop = harness.OnLoop(harness.Recorder.Stop);
        var whileFinishing = (harness.Recorder.State, stop.IsCompleted, harness.Events);
        harness.OnLoop(pipelines.Last.CompleteFinish);

        Assert.That(whileFinishing, Is.EqualTo((RecordingState.Inactive, false, new[] { "start" })));
        Assert.That(stop.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Chunks.Single(), Is.EqualTo(new DataChunk(0, 100, 0)));
    }

    [Test]
    public void PauseAndResumeBeforeTheFirstOutputAreRaisedAfterStarted()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines);
        harness.Start();
        harness.OnLoop(harness.Recorder.Pause);
        harness.OnLoop(harness.Recorder.Resume);
        var beforeOutput = harness.Events;

        harness.OnLoop(() => pipelines.Last.Write(10));
        Finish(harness, pipelines);

        Assert.That(beforeOutput, Is.Empty);
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "pause", "resume", "data", "stop" }));
    }

    [Test]
    public void PauseClosesThePipelineAndResumeOpensItAgain()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;

        harness.OnLoop(harness.Recorder.Pause);
        var paused = harness.OnLoop(() => (harness.Recorder.State, pipelines.Last.IsPaused));
        harness.OnLoop(harness.Recorder.Resume);
        var resumed = harness.OnLoop(() => (harness.Recorder.State, pipelines.Last.IsPaused));
        Finish(harness, pipelines);

        Assert.That(paused, Is.EqualTo((RecordingState.Paused, true)));
        Assert.That(resumed, Is.EqualTo((RecordingState.Recording, false)));
    }

    [TestCase(DomErrorName.UnknownError)]
    [TestCase(DomErrorName.NotFoundError)]
    public void AFailureInactivatesThenGivesTheErrorTheDataSoFarAndStop(DomErrorName error)
    {
        var (harness, pipelines) = StartedWith(50);
        using var _ = harness;

        harness.OnLoop(() => pipelines.Last.Fail(error));
        harness.OnLoop(pipelines.Last.CompleteFinish);
        harness.WaitForStopped();

        Assert.That(harness.StatesAtEvents, Is.EqualTo(new[] { "start@recording", $"error:{error}@inactive", "data@inactive", "stop@inactive" }));
        Assert.That(harness.Chunks.Single().Size, Is.EqualTo(50));
    }

    [Test]
    public void ASecurityErrorDiscardsTheDataAndTheFile()
    {
        var (harness, pipelines) = StartedWith(50);
        using var _ = harness;

        harness.OnLoop(() => pipelines.Last.Fail(DomErrorName.SecurityError));
        harness.OnLoop(pipelines.Last.CompleteFinish);
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:SecurityError", "data", "stop" }));
        Assert.That(harness.Chunks.Single().Size, Is.Zero);
        Assert.That(harness.Recorder.Location, Does.Not.Exist);
    }

    [Test]
    public void TracksEndingGivesTheDataAndStopWithoutAnError()
    {
        var (harness, pipelines) = StartedWith(70);
        using var _ = harness;

        harness.OnLoop(pipelines.Last.EndTracks);
        harness.OnLoop(pipelines.Last.CompleteFinish);
        harness.WaitForStopped();

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
    }

    [Test]
    public void RequestDataGivesTheBytesWrittenSinceTheLastChunkWithGrowingTimecodes()
    {
        var (harness, pipelines) = StartedWith(100);
        using var _ = harness;

        harness.OnLoop(harness.Recorder.RequestData);
        harness.OnLoop(() => pipelines.Last.Write(30));
        harness.OnLoop(harness.Recorder.RequestData);
        Finish(harness, pipelines);

        var chunks = harness.Chunks;
        Assert.That(chunks.Select(chunk => (chunk.Offset, chunk.Size)), Is.EqualTo(new[] { (0L, 100L), (100L, 30L), (130L, 0L) }));
        Assert.That(chunks[0].TimecodeMs, Is.Zero);
        Assert.That(chunks.Select(chunk => chunk.TimecodeMs), Is.Ordered.Ascending);
    }

    [Test]
    public void StartingAgainWritesANewFile()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;
        Finish(harness, pipelines);
        var first = harness.Recorder.Location;

        harness.Start();
        harness.OnLoop(() => pipelines.Last.Write(10));
        Finish(harness, pipelines);

        Assert.That(pipelines.Count, Is.EqualTo(2));
        Assert.That(harness.Recorder.Location, Is.Not.EqualTo(first));
        Assert.That(new[] { first, harness.Recorder.Location }, Has.All.Exist);
    }

    [Test]
    public void APipelineThatCannotBeBuiltFailsStartAndLeavesNoFile()
    {
        var pipelines = new FakeRecordingPipelines { NextFailure = RecorderException.NotSupported("no GStreamer element 'opusenc'") };
        using var harness = RecorderHarness.WithFakes(pipelines);

        var error = Assert.Throws<RecorderException>(() => harness.Start());

        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
        Assert.That(Directory.GetFiles(harness.Directory, "*", SearchOption.AllDirectories), Is.Empty);
    }

    /// <summary>
    /// The spec's methods in each state: what the call does (the state it leaves, or the error it throws) and
    /// the events it brings, once the loop has run them and a finishing pipeline is done.
    /// </summary>
    [TestCase(RecordingState.Inactive, "start", "recording", "start")]
    [TestCase(RecordingState.Inactive, "stop", "inactive", "")]
    [TestCase(RecordingState.Inactive, "pause", "InvalidStateError", "")]
    [TestCase(RecordingState.Inactive, "resume", "InvalidStateError", "")]
    [TestCase(RecordingState.Inactive, "requestData", "InvalidStateError", "")]
    [TestCase(RecordingState.Recording, "start", "InvalidStateError", "")]
    [TestCase(RecordingState.Recording, "stop", "inactive", "data stop")]
    [TestCase(RecordingState.Recording, "pause", "paused", "pause")]
    [TestCase(RecordingState.Recording, "resume", "recording", "")]
    [TestCase(RecordingState.Recording, "requestData", "recording", "data")]
    [TestCase(RecordingState.Paused, "start", "InvalidStateError", "")]
    [TestCase(RecordingState.Paused, "stop", "inactive", "data stop")]
    [TestCase(RecordingState.Paused, "pause", "paused", "")]
    [TestCase(RecordingState.Paused, "resume", "recording", "resume")]
    [TestCase(RecordingState.Paused, "requestData", "paused", "data")]
    public void EachMethodInEachState(RecordingState from, string method, string outcome, string events)
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines);
        if (from != RecordingState.Inactive)
        {
            harness.Start();
            harness.OnLoop(() => pipelines.Last.Write(10));
        }

        if (from == RecordingState.Paused)
        {
            harness.OnLoop(harness.Recorder.Pause);
        }

        harness.OnLoop(() => { });
        harness.ClearEvents();

        string after;
        try
        {
            harness.OnLoop(() => Call(harness.Recorder, method)).GetAwaiter().GetResult();
            after = harness.OnLoop(() => harness.Recorder.State.Name());
        }
        catch (RecorderException exception)
        {
            after = exception.Name.Spelled();
        }
        if (pipelines.Count > 0 && pipelines.Last.BytesWritten == 0)
        {
            harness.OnLoop(() => pipelines.Last.Write(10));
        }

        FinishPipeline(harness, pipelines);

        Assert.That(after, Is.EqualTo(outcome));
        Assert.That(string.Join(' ', harness.Events), Is.EqualTo(events));
        Assert.That(pipelines.Count, Is.EqualTo(from == RecordingState.Inactive && method != "start" ? 0 : 1), "only start() from inactive builds a pipeline");
        harness.OnLoop(harness.Recorder.Stop);
        FinishPipeline(harness, pipelines);
    }

    /// <summary>Calls the method on the loop; the task is start()'s, which completes once the recording began.</summary>
    private static Task Call(MediaRecorder recorder, string method)
    {
        switch (method)
        {
            case "start":
                return recorder.StartAsync(0);
            case "stop":
                _ = recorder.Stop();
                break;
            case "pause":
                recorder.Pause();
                break;
            case "resume":
                recorder.Resume();
                break;
            default:
                recorder.RequestData();
                break;
        }

        return Task.CompletedTask;
    }
}
