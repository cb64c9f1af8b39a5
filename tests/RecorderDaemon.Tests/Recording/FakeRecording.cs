using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>Steps of a recording on <see cref="FakeRecordingPipelines"/> that the state, order and failure tests share.</summary>
internal static class FakeRecording
{
    /// <summary>A recorder on fake pipelines, started, whose pipeline has written <paramref name="firstBytes"/>: the recording has started.</summary>
    public static (RecorderHarness Harness, FakeRecordingPipelines Pipelines) StartedWith(int firstBytes, params IStreamSource[] sources)
    {
        var pipelines = new FakeRecordingPipelines();
        var harness = RecorderHarness.WithFakes(pipelines, sources: sources);
        harness.Start();
        harness.OnLoop(() => pipelines.Last.Write(firstBytes));
        return (harness, pipelines);
    }

    /// <summary>Stops the recording and lets its pipeline finish at once.</summary>
    public static void Finish(RecorderHarness harness, FakeRecordingPipelines pipelines)
    {
        var stop = harness.OnLoop(harness.Recorder.Stop);
        FinishPipeline(harness, pipelines);
        Assert.That(stop.Wait(TimeSpan.FromSeconds(5)), Is.True, "stop() completed");
    }

    /// <summary>
    /// Lets the last pipeline finish: at once if it was asked to already, else as soon as it is (a failure may take the
    /// session a few more turns of the loop to get there).
    /// </summary>
    public static void FinishPipeline(RecorderHarness harness, FakeRecordingPipelines pipelines) => harness.OnLoop(() =>
    {
        if (pipelines.Count == 0)
        {
            return;
        }

        pipelines.Last.FinishesAtOnce = true;
        if (pipelines.Last.IsFinishing)
        {
            pipelines.Last.CompleteFinish();
        }
    });
}
