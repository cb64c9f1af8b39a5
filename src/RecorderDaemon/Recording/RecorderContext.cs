using Microsoft.Extensions.Logging;

namespace RecorderDaemon.Recording;

/// <summary>
/// What every recorder of a daemon shares: the loop it lives on, what it can record and how pipelines are made,
/// where files go by default and how much space they leave free, and where a failing event handler is reported.
/// </summary>
public sealed class RecorderContext(ILoop loop, IFormatCatalog formats, IRecordingPipelineFactory pipelines, OutputDefaults outputs, ILogger logger, FreeSpaceMinimum? freeSpace = null)
{
    /// <summary>The smallest timeslice honoured; a smaller non-zero one is clamped up to it.</summary>
    public static readonly TimeSpan MinimumTimeslice = TimeSpan.FromMilliseconds(100);

    /// <summary>The key-frame interval of a replay buffer or a split recording that asks for none.</summary>
    public static readonly TimeSpan CutKeyFrameInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often Duration and BytesWritten are refreshed while recording.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public ILoop Loop { get; } = loop;

    public IFormatCatalog Formats { get; } = formats;

    public IRecordingPipelineFactory Pipelines { get; } = pipelines;

    public OutputDefaults Outputs { get; } = outputs;

    public FreeSpaceMinimum FreeSpace { get; } = freeSpace ?? new();

    /// <summary>Where an event handler's exception goes: it is logged, and the other handlers and events still run.</summary>
    public ILogger Logger { get; } = logger;
}
