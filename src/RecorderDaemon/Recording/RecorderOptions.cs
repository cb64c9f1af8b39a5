using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Recording;

/// <summary>
/// The spec's MediaRecorderOptions plus the daemon's extras. A null member was not given, which is
/// not the same as 0 (an explicit 0 bitrate is kept as 0).
/// </summary>
public sealed record RecorderOptions
{
    public string MimeType { get; init; } = "";

    public uint? AudioBitsPerSecond { get; init; }

    public uint? VideoBitsPerSecond { get; init; }

    public uint? BitsPerSecond { get; init; }

    public BitrateMode AudioBitrateMode { get; init; } = BitrateMode.Variable;

    /// <summary>Milliseconds between key frames.</summary>
    public uint? VideoKeyFrameIntervalDuration { get; init; }

    /// <summary>Frames between key frames.</summary>
    public uint? VideoKeyFrameIntervalCount { get; init; }

    /// <summary>Output file path, or a <see cref="LocationTemplate"/>; null for the default location.</summary>
    public string? Location { get; init; }

    /// <summary>The configured profile the options came from (explicit ones winning), for <c>%p</c>; null for none.</summary>
    public string? Profile { get; init; }

    /// <summary>An empty, seekable file the client opened for writing, for the recorder's one recording instead of a path.</summary>
    public SafeFileHandle? OutputFd { get; init; }

    /// <summary>A connection to PipeWire the client opened (the portal's), through which the recorder's <c>pipewire:</c> nodes are recorded.</summary>
    public SafeFileHandle? PipeWireRemote { get; init; }

    public bool StopOnDisconnect { get; init; }

    public AudioTrackLayout AudioTracks { get; init; } = AudioTrackLayout.Mix;

    /// <summary>Whether the desktop is notified when a recording ends (where the daemon notifies at all).</summary>
    public bool Notify { get; init; } = true;

    /// <summary>How often AudioLevels reports the recorded audio's loudness; null for never.</summary>
    public TimeSpan? LevelInterval { get; init; }

    /// <summary>How much a replay buffer keeps in memory instead of writing a file; null to record into a file.</summary>
    public TimeSpan? ReplayBuffer { get; init; }

    /// <summary>A cap on the bytes a replay buffer keeps, whatever its duration; null for none.</summary>
    public long? ReplayBufferMaxBytes { get; init; }

    internal ReplayBuffering? Replay => ReplayBuffer is { } span ? new ReplayBuffering(span, ReplayBufferMaxBytes) : null;

    /// <summary>Recorded time (pauses excluded) after which the recording continues in a new file; null for none.</summary>
    public TimeSpan? MaxFileDuration { get; init; }

    /// <summary>Bytes after which the recording continues in a new file; null for none.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>Prepares recordings for Split() without a file limit.</summary>
    public bool Splittable { get; init; }

    /// <summary>How the recording is split into files; null when it is one file.</summary>
    internal FileSplitting? Splitting =>
        MaxFileDuration is not null || MaxFileSize is not null || Splittable ? new FileSplitting(MaxFileDuration, MaxFileSize) : null;

    /// <summary>Recorded time (pauses excluded) after which a recording stops by itself; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Bytes after which a recording stops by itself; null for none.</summary>
    public long? SizeLimit { get; init; }

    internal KeyFrameInterval? KeyFrames => (VideoKeyFrameIntervalDuration, VideoKeyFrameIntervalCount) switch
    {
        ({ } ms, null) => KeyFrameInterval.FromDuration(TimeSpan.FromMilliseconds(ms)),
        (null, { } frames) => KeyFrameInterval.FromCount(frames),
        _ => null,
    };
}
