using RecorderDaemon.Native;

namespace RecorderDaemon.Recording;

/// <summary>What every recorder of a daemon shares: the loop it lives on, how pipelines are made, where files go by default.</summary>
public sealed class RecorderContext(GLibLoop loop, IRecordingPipelineFactory pipelines, OutputDefaults outputs)
{
    /// <summary>The smallest timeslice honoured; a smaller non-zero one is clamped up to it.</summary>
    public static readonly TimeSpan MinimumTimeslice = TimeSpan.FromMilliseconds(100);

    /// <summary>How often Duration and BytesWritten are refreshed while recording.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public GLibLoop Loop { get; } = loop;

    public IRecordingPipelineFactory Pipelines { get; } = pipelines;

    public OutputDefaults Outputs { get; } = outputs;
}
