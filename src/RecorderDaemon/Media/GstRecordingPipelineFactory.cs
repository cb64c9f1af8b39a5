using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>Builds GStreamer recording pipelines on a loop; <paramref name="stopTimeout"/> bounds how long a stop may drain.</summary>
public sealed class GstRecordingPipelineFactory(GLibLoop loop, TimeSpan stopTimeout) : IRecordingPipelineFactory
{
    /// <summary>The documented default: a pipeline that has not drained after this long on stop is torn down.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    public IRecordingPipeline Create(RecordingPlan plan, IRecordingPipelineObserver observer) =>
        new GstRecordingPipeline(loop, RecordingPipelineBuilder.Build(plan, loop), plan.Output, observer, stopTimeout);
}
