using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// Splitting and the replay buffer in the state machine, on fake pipelines: what each file's chunks and FileChanged say,
/// the names of the parts, what each mode refuses, and what SaveReplay names and raises.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MediaRecorderFilesTests
{
    private static readonly RecorderOptions Splittable = new() { Splittable = true };
    private static readonly RecorderOptions Replay = new() { ReplayBuffer = TimeSpan.FromSeconds(5) };

    [Test]
    public void ANewFileGetsTheOldFilesLastChunkThenFileChangedThenChunksOfItsOwn()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, Splittable);
        harness.Start(timeslice: 0);
        var first = harness.Recorder.Location;
        harness.OnLoop(() => pipelines.Last.Write(30));
        harness.OnLoop(harness.Recorder.RequestData);
        harness.OnLoop(() => pipelines.Last.Write(20));
        harness.OnLoop(() => pipelines.Last.ContinueInNextFile());
        harness.OnLoop(() => pipelines.Last.Write(15));
        FakeRecording.Finish(harness, pipelines);

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "data", "file", "data", "stop" }));
        Assert.That(harness.Chunks.Select(chunk => (chunk.Offset, chunk.Size)), Is.EqualTo(new[] { (0L, 30L), (30L, 20L), (0L, 15L) }));
        Assert.That(harness.Chunks.Select(chunk => chunk.TimecodeMs), Is.Ordered.Ascending, "timecodes keep rising across files");
        Assert.That(harness.Recorder.Location, Is.EqualTo(Path.Combine(Path.GetDirectoryName(first)!, $"{Path.GetFileNameWithoutExtension(first)} (part 2).webm")));
        Assert.That(new FileInfo(first).Length, Is.EqualTo(50));
        Assert.That(new FileInfo(harness.Recorder.Location).Length, Is.EqualTo(15));
        Assert.That(harness.Recorder.BytesWritten, Is.EqualTo(65), "BytesWritten counts every file");
    }

    [Test]
    public void APartNameThatExistsIsNeverOverwritten()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, Splittable);
        harness.Start();
        var first = harness.Recorder.Location;
        var taken = Path.Combine(Path.GetDirectoryName(first)!, $"{Path.GetFileNameWithoutExtension(first)} (part 2).webm");
        File.WriteAllText(taken, "someone else's");
        harness.OnLoop(() => pipelines.Last.Write(10));
        harness.OnLoop(() => pipelines.Last.ContinueInNextFile());
        FakeRecording.Finish(harness, pipelines);

        Assert.That(File.ReadAllText(taken), Is.EqualTo("someone else's"));
        Assert.That(harness.Recorder.Location, Is.EqualTo(taken.Replace(".webm", " (2).webm")));
    }

    [Test]
    public void SplitAsksThePipelineAndIsRefusedWithoutSplittingOptions()
    {
        var pipelines = new FakeRecordingPipelines();
        using var splitting = RecorderHarness.WithFakes(pipelines, Splittable);
        splitting.Start();
        splitting.OnLoop(splitting.Recorder.Split);
        splitting.OnLoop(() => { });
        Assert.That(pipelines.Last.SplitRequests, Is.EqualTo(1));
        FakeRecording.Finish(splitting, pipelines);

        var wholePipelines = new FakeRecordingPipelines();
        using var whole = RecorderHarness.WithFakes(wholePipelines);
        whole.Start();
        var error = Assert.Throws<RecorderException>(() => whole.OnLoop(whole.Recorder.Split))!;
        Assert.That(error.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(error.Message, Does.Contain("maxFileDuration"));
        FakeRecording.Finish(whole, wholePipelines);
    }

    [Test]
    public void SplittingAnOutputFdIsRefusedAtCreation()
    {
        using var descriptor = File.OpenHandle(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite);
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.WithFakes(new FakeRecordingPipelines(), Splittable with { OutputFd = descriptor }))!;
        Assert.That(error.Name, Is.EqualTo(DomErrorName.NotSupportedError));
    }

    [Test]
    public void AReplayBufferWritesNoFileHasNoChunksAndSavesUnderReplayNames()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, Replay);
        harness.Start();
        harness.OnLoop(() => pipelines.Last.Write(100));
        pipelines.Last.ReplayBuffered = TimeSpan.FromSeconds(3);

        var first = harness.OnLoop(() => harness.Recorder.SaveReplayAsync(null)).GetAwaiter().GetResult();
        var second = harness.OnLoop(() => harness.Recorder.SaveReplayAsync(null)).GetAwaiter().GetResult();
        FakeRecording.Finish(harness, pipelines);

        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "replay-saved", "replay-saved", "stop" }), "no DataAvailable: nothing was written");
        Assert.That(Path.GetFileName(first), Does.StartWith("Replay ").And.EndWith(".webm"));
        Assert.That(second, Is.EqualTo(first.Replace(".webm", " (2).webm")), "two saves in a row are two files");
        Assert.That(pipelines.Last.SavedReplays, Is.EqualTo(new[] { first, second }));
        Assert.That(harness.Recorder.Location, Is.Empty);
        Assert.That(Directory.GetFiles(harness.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(new[] { Path.GetFileName(first), Path.GetFileName(second) }));
    }

    [Test]
    public void AReplayBufferRefusesTimeslicesAndRequestData()
    {
        var pipelines = new FakeRecordingPipelines();
        using var harness = RecorderHarness.WithFakes(pipelines, Replay);
        var sliced = Assert.Throws<RecorderException>(() => harness.Start(timeslice: 500))!;
        Assert.That(sliced.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(sliced.Message, Does.Contain("no timeslices"));

        harness.Start();
        var requested = Assert.Throws<RecorderException>(() => harness.OnLoop(harness.Recorder.RequestData))!;
        Assert.That(requested.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        FakeRecording.Finish(harness, pipelines);
    }

    [Test]
    public void SaveReplayWithoutAReplayBufferIsNotSupported()
    {
        var (harness, pipelines) = FakeRecording.StartedWith(10);
        using var _ = harness;
        var error = Assert.ThrowsAsync<RecorderException>(() => harness.OnLoop(() => harness.Recorder.SaveReplayAsync(null)))!;
        Assert.That(error.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        FakeRecording.Finish(harness, pipelines);
    }

    [Test]
    public void AReplayBufferGoesWithNoFileOptions()
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.WithFakes(new FakeRecordingPipelines(), Replay with { MaxFileDuration = TimeSpan.FromSeconds(3) }))!;
        Assert.That(error.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(error.Message, Does.Contain("replayBuffer"));
    }
}
