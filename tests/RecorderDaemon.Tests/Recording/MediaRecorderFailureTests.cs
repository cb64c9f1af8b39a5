using System.ComponentModel;
using RecorderDaemon.Recording;
using static RecorderDaemon.Tests.Recording.FakeRecording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// Nothing hangs: with a pipeline whose steps throw, or event handlers that throw (on the bus, a signal that could not be
/// sent), stop() and destroy() still complete, which is what the bus awaits before it replies, and the events still come.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public void ATeardownThatThrowsStillCompletesStopWithAnErrorTheDataAndStop()
    {
        var (harness, pipelines) = StartedWithABrokenTeardown();
        using var _ = harness;

        var stop = harness.OnLoop(harness.Recorder.Stop);

        Assert.That(stop.Wait(Timeout), Is.True, "stop() completed");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:UnknownError", "data", "stop" }));
        Assert.That(harness.Chunks.Single().Size, Is.EqualTo(40), "the bytes written are kept");
        Assert.That(harness.HandlerFailures.Exceptions, Has.Member(pipelines.Last.FinishFailure));
    }

    [Test]
    public void ATeardownThatThrowsAfterAFailureGivesThatFailureOnly()
    {
        var (harness, pipelines) = StartedWithABrokenTeardown();
        using var _ = harness;

        harness.OnLoop(() => pipelines.Last.Fail(DomErrorName.NotFoundError));

        Assert.That(harness.Recorder.Finalized.Wait(Timeout), Is.True, "the recording was finalized");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:NotFoundError", "data", "stop" }));
    }

    [Test]
    public void DestroyCompletesWhenTheTeardownThrows()
    {
        var (harness, pipelines) = StartedWithABrokenTeardown();
        using var _ = harness;

        var destroyed = harness.OnLoop(harness.Recorder.Destroy);

        Assert.That(destroyed.Wait(Timeout), Is.True, "destroy() completed");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start" }));
    }

    [Test]
    public void APipelineThatCannotStartFailsTheRecordingAfterStartReturned()
    {
        var pipelines = new FakeRecordingPipelines { NextStartFailure = new InvalidOperationException("the pipeline would not go to PLAYING") };
        using var harness = RecorderHarness.WithFakes(pipelines);

        harness.Start();
        var afterStart = harness.OnLoop(() => harness.Recorder.State);
        FinishPipeline(harness, pipelines);

        Assert.That(harness.Recorder.Finalized.Wait(Timeout), Is.True, "the recording was finalized");
        Assert.That(afterStart, Is.EqualTo(RecordingState.Inactive), "the failure inactivated the recorder before start() returned");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "error:UnknownError", "data", "stop" }));
    }

    [Test]
    public void APauseThePipelineCannotMakeFailsTheRecording()
    {
        var (harness, pipelines) = StartedWith(40);
        using var _ = harness;
        pipelines.Last.PauseFailure = new InvalidOperationException("the valve is gone");

        harness.OnLoop(harness.Recorder.Pause);
        FinishPipeline(harness, pipelines);

        Assert.That(harness.Recorder.Finalized.Wait(Timeout), Is.True, "the recording was finalized");
        Assert.That(harness.StatesAtEvents, Is.EqualTo(new[] { "start@recording", "pause@inactive", "error:UnknownError@inactive", "data@inactive", "stop@inactive" }));
    }

    /// <summary>
    /// A handler subscribed after one that throws still runs, every later event still comes in order, and stop()
    /// completes; the exception is logged.
    /// </summary>
    [TestCase("start")]
    [TestCase("pause")]
    [TestCase("resume")]
    [TestCase("data")]
    [TestCase("error")]
    [TestCase("stop")]
    public void AHandlerThatThrowsStopsNeitherTheNextHandlersNorTheEventsNorStop(string failing)
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines);
        var witnessed = new List<string>();
        harness.OnLoop(() => Subscribe(harness.Recorder, failing, () => throw new InvalidOperationException($"the {failing} signal could not be sent")));
        harness.OnLoop(() => Subscribe(harness.Recorder, failing, () => witnessed.Add(failing)));

        harness.Start();
        harness.OnLoop(() => pipelines.Last.Write(10));
        harness.OnLoop(harness.Recorder.Pause);
        harness.OnLoop(harness.Recorder.Resume);
        harness.OnLoop(harness.Recorder.RequestData);
        harness.OnLoop(() => pipelines.Last.Fail(DomErrorName.UnknownError));
        FinishPipeline(harness, pipelines);

        Assert.That(harness.Recorder.Finalized.Wait(Timeout), Is.True, "the recording was finalized");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "pause", "resume", "data", "error:UnknownError", "data", "stop" }));
        Assert.That(witnessed, Is.Not.Empty, "the handler after the failing one ran");
        Assert.That(harness.HandlerFailures.Exceptions, Is.Not.Empty.And.All.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void APropertyChangedHandlerThatThrowsDoesNotKeepStopFromEndingTheRecording()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;
        harness.OnLoop(() => harness.Recorder.PropertyChanged += (_, _) => throw new InvalidOperationException("PropertiesChanged could not be sent"));

        var stop = harness.OnLoop(harness.Recorder.Stop);
        FinishPipeline(harness, pipelines);

        Assert.That(stop.Wait(Timeout), Is.True, "stop() completed");
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
    }

    /// <summary>A recording that has written 40 bytes, whose pipeline throws when asked to finish.</summary>
    private static (RecorderHarness Harness, FakeRecordingPipelines Pipelines) StartedWithABrokenTeardown()
    {
        var (harness, pipelines) = StartedWith(40);
        pipelines.Last.FinishFailure = new InvalidOperationException("the pipeline would not go to NULL");
        return (harness, pipelines);
    }

    private static void Subscribe(MediaRecorder recorder, string name, Action handler)
    {
        switch (name)
        {
            case "start":
                recorder.Started += handler;
                break;
            case "pause":
                recorder.Paused += handler;
                break;
            case "resume":
                recorder.Resumed += handler;
                break;
            case "data":
                recorder.DataAvailable += _ => handler();
                break;
            case "error":
                recorder.Error += _ => handler();
                break;
            default:
                recorder.Stopped += handler;
                break;
        }
    }
}
