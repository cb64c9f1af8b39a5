using RecorderDaemon.Recording;
using static RecorderDaemon.Tests.Recording.FakeRecording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// The spec's event orders and what each handler sees, on <see cref="FakeRecordingPipelines"/>: the attributes inside
/// each event, stop() straight after start(), track-set changes, a failure after stop, timeslices, destroy.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderEventOrderTests
{
    [Test]
    public void EachEventSeesTheStateItsMethodLeft()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;

        harness.OnLoop(harness.Recorder.Pause);
        harness.OnLoop(harness.Recorder.RequestData);
        harness.OnLoop(harness.Recorder.Resume);
        Finish(harness, pipelines);

        Assert.That(harness.StatesAtEvents, Is.EqualTo(new[] { "start@recording", "pause@paused", "data@paused", "resume@recording", "data@inactive", "stop@inactive" }));
    }

    [Test]
    public void StopStraightAfterStartStillGivesStartThenDataThenStop()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, sources: [FakeSource.Audio, FakeSource.Video]);

        var (start, stop) = harness.OnLoop(() => (harness.Recorder.StartAsync(0), harness.Recorder.Stop()));
        // The pipeline is made off the loop: finish it once the start has made it.
        Assert.That(start.Wait(TimeSpan.FromSeconds(5)), Is.True);
        FinishPipeline(harness, pipelines);

        Assert.That(stop.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(harness.StatesAtEvents, Is.EqualTo(new[] { "start@inactive", "data@inactive", "stop@inactive" }));
        Assert.That(harness.MimeTypeAtStart, Is.EqualTo("video/webm;codecs=vp8,opus"), "the start handler sees the full type");
        Assert.That(harness.Recorder.MimeType, Is.Empty, "stop's reset holds afterwards");
    }

    [Test]
    public void MimeTypeIsTheConstrainedTypeUntilStartTheFullTypeWhileRecordingAndTheConstrainedOneAfterStop()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, new RecorderOptions { MimeType = "audio/webm" });

        harness.Start();
        var afterStartReturned = harness.OnLoop(() => harness.Recorder.MimeType);
        harness.OnLoop(() => pipelines.Last.Write(10));
        var whileRecording = harness.OnLoop(() => harness.Recorder.MimeType);
        Finish(harness, pipelines);

        Assert.That(afterStartReturned, Is.EqualTo("audio/webm"));
        Assert.That(harness.MimeTypeAtStart, Is.EqualTo("audio/webm;codecs=opus"));
        Assert.That(whileRecording, Is.EqualTo("audio/webm;codecs=opus"));
        Assert.That(harness.Recorder.MimeType, Is.EqualTo("audio/webm"));
    }

    [Test]
    public void AddingASourceWhileRecordingEndsWithInvalidModificationErrorThenDataThenStop()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;

        harness.OnLoop(() => harness.Recorder.AddSource(FakeSource.Video));
        FinishPipeline(harness, pipelines);
        harness.WaitForStopped();

        Assert.That(harness.StatesAtEvents, Is.EqualTo(new[] { "start@recording", "error:InvalidModificationError@inactive", "data@inactive", "stop@inactive" }));
        Assert.That(harness.Recorder.Sources, Is.EqualTo(new[] { "test:audio", "test:video" }));
    }

    [Test]
    public void SourcesAreCheckedWhenAddedOrRemoved()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, null, FakeSource.Audio, new FakeSource("test:video?pattern=ball", TrackKind.Video));

        harness.OnLoop(() => harness.Recorder.AddSource(new FakeSource("test:audio?freq=880", TrackKind.Audio)));
        var secondVideo = Assert.Throws<RecorderException>(() => harness.OnLoop(() => harness.Recorder.AddSource(new FakeSource("test:video", TrackKind.Video))));
        var unknown = Assert.Throws<RecorderException>(() => harness.OnLoop(() => harness.Recorder.RemoveSource("test:video")));
        foreach (var uri in new[] { "test:audio", "test:audio?freq=880", "test:video?pattern=ball" })
        {
            harness.OnLoop(() => harness.Recorder.RemoveSource(uri));
        }

        var noTracks = Assert.Throws<RecorderException>(() => harness.Start());

        Assert.That(new[] { secondVideo!.Name, unknown!.Name, noTracks!.Name },
            Is.EqualTo(new[] { DomErrorName.NotSupportedError, DomErrorName.NotFoundError, DomErrorName.NotSupportedError }));
        Assert.That(harness.Events, Is.Empty);
        Assert.That(pipelines.Count, Is.Zero);
    }

    [Test]
    public void TheConstructorRefusesAnUnsupportedTypeAndStartATypeThatCannotHoldTheTracks()
    {
        var unsupported = Assert.Throws<RecorderException>(() =>
            RecorderHarness.WithFakes(new FakeRecordingPipelines(), new RecorderOptions { MimeType = "video/mp4" }).Dispose());
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, new RecorderOptions { MimeType = "audio/webm" }, FakeSource.Video);

        var audioTypeForVideo = Assert.Throws<RecorderException>(() => harness.Start());

        Assert.That(unsupported!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(audioTypeForVideo!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
        Assert.That(Directory.GetFiles(harness.Directory, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void StartRefusesATrackPerAudioSourceInAFormatOfOneAudioTrack()
    {
        var pipelines = new FakeRecordingPipelines();
        var microphone = new FakeSource("pipewire:", TrackKind.Audio);
        using var harness = RecorderHarness.WithFakes(
            pipelines, new RecorderOptions { MimeType = "audio/mpeg", AudioTracks = AudioTrackLayout.Separate }, FakeSource.Audio, microphone);

        var error = Assert.Throws<RecorderException>(() => harness.Start());

        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(error.Message, Does.Contain("'audio/mpeg' holds one"));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
        Assert.That(pipelines.Count, Is.Zero);
    }

    [Test]
    public void OneAudioSourceOrAMixFitsAFormatOfOneAudioTrack()
    {
        var pipelines = new FakeRecordingPipelines();
        var microphone = new FakeSource("pipewire:", TrackKind.Audio);
        using var single = RecorderHarness.WithFakes(pipelines, new RecorderOptions { MimeType = "audio/mpeg", AudioTracks = AudioTrackLayout.Separate }, FakeSource.Audio);
        using var mixed = RecorderHarness.WithFakes(pipelines, new RecorderOptions { MimeType = "audio/mpeg" }, FakeSource.Audio, microphone);

        single.Start();
        mixed.Start();

        Assert.That(pipelines.Count, Is.EqualTo(2));
        Assert.That(pipelines.Last.Plan.AudioTracks, Is.EqualTo(AudioTrackLayout.Mix));
    }

    [Test]
    public void AFailureReportedAfterStopRaisesNoError()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;

        var stop = harness.OnLoop(harness.Recorder.Stop);
        harness.OnLoop(() => pipelines.Last.Fail(DomErrorName.UnknownError));
        FinishPipeline(harness, pipelines);

        Assert.That(stop.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
    }

    [Test]
    public void ATimesliceGivesDataEventsWhileRecordingAndNoneWhilePaused()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines);
        harness.Start(timeslice: 100);
        harness.OnLoop(() => pipelines.Last.Write(10));
        Poll.Until(() => harness.Events.Count(name => name == "data") >= 2, "two timeslice chunks", TimeSpan.FromSeconds(5));
        var atPause = harness.OnLoop(() =>
        {
            harness.Recorder.Pause();
            return harness.Events.Length;
        });
        Thread.Sleep(300);
        var whilePaused = harness.Events[atPause..];
        Finish(harness, pipelines);

        Assert.That(whilePaused, Is.EqualTo(new[] { "pause" }));
        Assert.That(harness.Events[..3], Is.EqualTo(new[] { "start", "data", "data" }));
        Assert.That(harness.Events[^2..], Is.EqualTo(new[] { "data", "stop" }));
    }

    [Test]
    public void DestroyFinalizesTheRecordingAndRaisesNothingMore()
    {
        var (harness, pipelines) = StartedWith(10);
        using var _ = harness;

        var destroyed = harness.OnLoop(harness.Recorder.Destroy);
        FinishPipeline(harness, pipelines);

        Assert.That(destroyed.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(harness.Events, Is.EqualTo(new[] { "start" }));
        Assert.That(harness.Recorder.State, Is.EqualTo(RecordingState.Inactive));
        Assert.That(new FileInfo(harness.Recorder.Location).Length, Is.EqualTo(10));
    }
}
