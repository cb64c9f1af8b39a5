using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>
/// The MediaRecorderOptions dictionary plus the daemon's extras (<see cref="Location"/>, <see cref="StopOnDisconnect"/>,
/// <see cref="AudioTracks"/>, limits, splitting and the replay buffer). Null members are left out, so the daemon applies its defaults.
/// </summary>
public sealed record MediaRecorderOptions
{
    public string? MimeType { get; init; }

    public uint? AudioBitsPerSecond { get; init; }

    public uint? VideoBitsPerSecond { get; init; }

    public uint? BitsPerSecond { get; init; }

    public BitrateMode? AudioBitrateMode { get; init; }

    /// <summary>Milliseconds between key frames; exclusive with <see cref="VideoKeyFrameIntervalCount"/>.</summary>
    public uint? VideoKeyFrameIntervalDuration { get; init; }

    public uint? VideoKeyFrameIntervalCount { get; init; }

    /// <summary>
    /// The output file's path or a template of it (<c>%Y %m %d %H %M %S %n %p</c>, <c>~/</c>, relative to the default directory);
    /// the daemon picks one under the XDG videos or music directory by default.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>Stop and destroy the recorder when its creator leaves the bus (the daemon's default is false).</summary>
    public bool? StopOnDisconnect { get; init; }

    /// <summary>Several audio sources mixed into one track (the daemon's default) or one track each.</summary>
    public AudioTrackLayout? AudioTracks { get; init; }

    /// <summary>Recorded time (pauses excluded) after which the recording stops by itself, with a Warning.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Bytes after which the recording stops by itself, with a Warning.</summary>
    public ulong? SizeLimit { get; init; }

    /// <summary>Recorded time after which the recording continues in a new file, at a key frame.</summary>
    public TimeSpan? MaxFileDuration { get; init; }

    /// <summary>Bytes after which the recording continues in a new file, at a key frame.</summary>
    public ulong? MaxFileSize { get; init; }

    /// <summary>Prepares recordings for <see cref="MediaRecorder.SplitAsync"/> without a file limit.</summary>
    public bool? Splittable { get; init; }

    /// <summary>Keep at least this much (1 s to 1 h) in memory instead of writing a file; <see cref="MediaRecorder.SaveReplayAsync"/> saves it.</summary>
    public TimeSpan? ReplayBuffer { get; init; }

    /// <summary>A cap on the bytes the replay buffer keeps.</summary>
    public ulong? ReplayBufferMaxBytes { get; init; }

    /// <summary>How often <see cref="MediaRecorder.AudioLevels"/> reports the audio's loudness (at least 20 ms); null for never.</summary>
    public TimeSpan? LevelInterval { get; init; }

    /// <summary>Whether the desktop is notified when a recording ends (the daemon's default: true, where it notifies).</summary>
    public bool? Notify { get; init; }

    /// <summary>A profile configured in the daemon: its sources (when the recorder is given none) and options, under these.</summary>
    public string? Profile { get; init; }

    /// <summary>The entries of the <c>a{sv}</c> for <c>CreateRecorder</c>, keyed exactly as the JavaScript dictionary.</summary>
    internal IReadOnlyList<KeyValuePair<string, VariantValue>> ToEntries()
    {
        (string Key, VariantValue? Value)[] entries =
        [
            ("mimeType", Box(MimeType)),
            ("audioBitsPerSecond", Box(AudioBitsPerSecond)),
            ("videoBitsPerSecond", Box(VideoBitsPerSecond)),
            ("bitsPerSecond", Box(BitsPerSecond)),
            ("audioBitrateMode", Box(AudioBitrateMode?.ToSpecName())),
            ("videoKeyFrameIntervalDuration", Box(VideoKeyFrameIntervalDuration)),
            ("videoKeyFrameIntervalCount", Box(VideoKeyFrameIntervalCount)),
            ("location", Box(Location)),
            ("stopOnDisconnect", Box(StopOnDisconnect)),
            ("audioTracks", Box(AudioTracks?.ToSpecName())),
            ("timeLimit", Milliseconds(TimeLimit)),
            ("sizeLimit", Box(SizeLimit)),
            ("maxFileDuration", Milliseconds(MaxFileDuration)),
            ("maxFileSize", Box(MaxFileSize)),
            ("splittable", Box(Splittable)),
            ("replayBuffer", ReplayBuffer is { } span ? VariantValue.UInt32(checked((uint)Math.Ceiling(span.TotalSeconds))) : default(VariantValue?)),
            ("replayBufferMaxBytes", Box(ReplayBufferMaxBytes)),
            ("levelInterval", Milliseconds(LevelInterval)),
            ("notify", Box(Notify)),
            ("profile", Box(Profile)),
        ];
        return [.. from entry in entries where entry.Value.HasValue select KeyValuePair.Create(entry.Key, entry.Value!.Value)];
    }

    // VariantValue converts implicitly from string, so a bare null would become a null string, not a missing value.
    private static VariantValue? Box(string? value) => value is null ? default(VariantValue?) : VariantValue.String(value);

    private static VariantValue? Box(uint? value) => value is { } number ? VariantValue.UInt32(number) : default(VariantValue?);

    private static VariantValue? Box(ulong? value) => value is { } number ? VariantValue.UInt64(number) : default(VariantValue?);

    private static VariantValue? Milliseconds(TimeSpan? value) => value is { } time ? VariantValue.UInt32(checked((uint)time.TotalMilliseconds)) : default(VariantValue?);

    private static VariantValue? Box(bool? value) => value is { } flag ? VariantValue.Bool(flag) : default(VariantValue?);
}
