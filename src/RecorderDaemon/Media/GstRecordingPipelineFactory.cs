using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// Builds GStreamer recording pipelines on a loop; <paramref name="stopTimeout"/> bounds how long a stop may drain. A video
/// codec with encoders ranked before its software one (<paramref name="encoders"/>) is recorded by the first that works,
/// which <paramref name="crashes"/> (when given) knows while it records.
/// </summary>
public sealed class GstRecordingPipelineFactory(GLibLoop loop, TimeSpan stopTimeout, EncoderRanking encoders, EncoderCrashMemory? crashes = null)
    : IRecordingPipelineFactory
{
    /// <summary>The documented default: a pipeline that has not drained after this long on stop is torn down.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What every recording makes besides its sources, encoders and muxer; PipeWire is the usual source.</summary>
    private static readonly string[] CommonElements = ["queue", "capsfilter", "identity", "fdsink", "videoconvert", "audioconvert", "audioresample", "pipewiresrc"];

    /// <summary>
    /// Loads the plugins of a recording of the default type (WebM with its default codecs), so that a fresh daemon's first
    /// Start does not wait for them; what is not installed is skipped.
    /// </summary>
    public static void Preload()
    {
        var webm = RecordingFormats.WebM;
        var format = RecordingFormat.Compose("video", webm, RecordingFormats.FindCodec(webm.DefaultAudio), RecordingFormats.FindCodec(webm.DefaultVideo));
        GstRuntime.LoadPlugins([.. CommonElements, .. format.RequiredElements]);
    }

    public IRecordingPipeline Create(RecordingPlan plan, IRecordingPipelineObserver observer)
    {
        var candidates = plan.Format is RecordingFormat { Video: { } video } ? encoders.For(video) : [];
        return candidates.Count > 1
            ? new EncoderFallbackPipeline(loop, plan, candidates, observer, (candidate, reportTo) => Create(plan, reportTo, candidate), crashes)
            : Create(plan, observer, videoEncoder: null);
    }

    private GstRecordingPipeline Create(RecordingPlan plan, IRecordingPipelineObserver observer, EncoderCandidate? videoEncoder) =>
        new(loop, RecordingPipelineBuilder.Build(plan, loop, videoEncoder), plan.Output, observer, stopTimeout);
}
