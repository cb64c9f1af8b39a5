using Microsoft.Extensions.Logging.Abstractions;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// <see cref="EncoderFallbackPipeline"/> on a real GLib loop with stand-in pipelines, one per candidate, which the test
/// makes fail, stay silent or write: the paths no installed element takes, since every one that cannot encode here
/// already fails to link.
/// </summary>
[TestFixture]
public sealed class EncoderFallbackPipelineTests() : WorkDirectoryFixture("recorderd-fallback-")
{
    private static readonly EncoderCandidate Hardware = new("test-hardware-enc", EncoderFamily.Unknown);
    private static readonly EncoderCandidate Software = new("test-software-enc", EncoderFamily.Unknown);

    [Test]
    public async Task ACandidateThatFailsBeforeItsFirstOutputIsReplacedAndTheSessionHearsAWarningOnly()
    {
        using var recording = new Recording(WorkDirectory);

        await recording.OnLoop(fallback =>
        {
            fallback.Start();
            RandomAccess.Write(recording.Output.Handle, new byte[64], 0); // a header, say, before the failure
            recording.Created[0].Fail(DomErrorName.UnknownError);
            recording.Created[1].Write(10);
        });

        Assert.That(recording.Events, Is.EqualTo(new[]
        {
            "warning: the video encoder test-hardware-enc failed: the fake pipeline failed with UnknownError; recording with test-software-enc instead",
            "output started",
        }));
        Assert.That(recording.Created[1].IsStarted, Is.True);
        Assert.That(RandomAccess.GetLength(recording.Output.Handle), Is.EqualTo(10), "the attempt's bytes were dropped");
        Assert.That(recording.Markers, Is.Empty, "the hardware encoder is not recording any more");
    }

    [Test]
    public async Task ACandidateThatWritesNothingIsReplacedAfterTheTimeout()
    {
        using var recording = new Recording(WorkDirectory);

        await recording.OnLoop(fallback => fallback.Start());
        var markedWhileTried = recording.Markers;
        await Task.Delay(EncoderFallbackPipeline.FirstOutputTimeout + TimeSpan.FromSeconds(1));

        Assert.That(markedWhileTried, Is.EqualTo(new[] { Hardware.Factory }), "marked while it is tried");
        Assert.That(recording.Created, Has.Count.EqualTo(2));
        Assert.That(recording.Created[1].IsStarted, Is.True);
        Assert.That(recording.Events, Is.EqualTo(new[] { "warning: the video encoder test-hardware-enc wrote nothing within 5 s; recording with test-software-enc instead" }));
    }

    [Test]
    public async Task AFailureAfterTheFirstOutputIsTheRecordingsOwn()
    {
        using var recording = new Recording(WorkDirectory);

        await recording.OnLoop(fallback =>
        {
            fallback.Start();
            recording.Created[0].Write(10);
            recording.Created[0].Fail(DomErrorName.UnknownError);
        });

        Assert.That(recording.Created, Has.Count.EqualTo(1));
        Assert.That(recording.Events, Is.EqualTo(new[] { "output started", "failed: UnknownError" }));
    }

    /// <summary>A fallback pipeline over stand-ins for <see cref="Hardware"/> then <see cref="Software"/>, and what it reported.</summary>
    private sealed class Recording : IRecordingPipelineObserver, IDisposable
    {
        private readonly GLibLoop _loop = new("fallback-test");
        private readonly string _state;
        private readonly EncoderFallbackPipeline _fallback;

        public Recording(string directory)
        {
            _state = Path.Combine(directory, "state");
            Output = RecordingOutput.Passed(File.OpenHandle(Path.Combine(directory, "recording"), FileMode.CreateNew, FileAccess.ReadWrite));
            var plan = new RecordingPlan(
                [FakeSource.Video], new FakeFormatCatalog().Resolve("video/webm", hasAudio: false, hasVideo: true), new BitrateSettings(0, 1_000_000),
                BitrateMode.Variable, KeyFrames: null, AudioTrackLayout.Mix, Output);
            var crashes = EncoderCrashMemory.Load(_state, NullLogger.Instance);
            _fallback = new EncoderFallbackPipeline(_loop, plan, [Hardware, Software], this, (_, reportTo) =>
            {
                var pipeline = new FakeRecordingPipeline(plan, reportTo) { FinishesAtOnce = true };
                Created.Add(pipeline);
                return pipeline;
            }, crashes);
        }

        public RecordingOutput Output { get; }

        public List<FakeRecordingPipeline> Created { get; } = [];

        public List<string> Events { get; } = [];

        public string[] Markers => Directory.Exists(Path.Combine(_state, "encoders-in-use"))
            ? [.. Directory.GetFiles(Path.Combine(_state, "encoders-in-use")).Select(Path.GetFileName).OfType<string>()]
            : [];

        public Task OnLoop(Action<EncoderFallbackPipeline> act) => _loop.InvokeAsync(() => act(_fallback));

        public void OnOutputStarted() => Events.Add("output started");

        public void OnAllTracksEnded() => Events.Add("tracks ended");

        public void OnFailed(DomErrorName name, string message) => Events.Add($"failed: {name}");

        public void OnWarning(string message) => Events.Add($"warning: {message}");

        public void OnAudioLevels(AudioLevels levels) => Events.Add("levels");

        public void OnFileChanged(RecordingOutput next)
        {
            Events.Add("file changed");
            next.Dispose();
        }

        public void Dispose()
        {
            _loop.Dispose();
            Output.Dispose();
        }
    }
}
