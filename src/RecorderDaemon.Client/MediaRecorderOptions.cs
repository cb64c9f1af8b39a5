using RecorderDaemon.Native;

namespace RecorderDaemon.Client;

/// <summary>
/// The MediaRecorderOptions dictionary plus the daemon's extras (<see cref="Location"/>,
/// <see cref="StopOnDisconnect"/>). Null members are left out, so the daemon applies its defaults.
/// </summary>
public sealed record MediaRecorderOptions
{
    public string? MimeType { get; init; }

    public uint? AudioBitsPerSecond { get; init; }

    public uint? VideoBitsPerSecond { get; init; }

    public uint? BitsPerSecond { get; init; }

    /// <summary><c>constant</c> or <c>variable</c>.</summary>
    public string? AudioBitrateMode { get; init; }

    /// <summary>Milliseconds between key frames; exclusive with <see cref="VideoKeyFrameIntervalCount"/>.</summary>
    public uint? VideoKeyFrameIntervalDuration { get; init; }

    public uint? VideoKeyFrameIntervalCount { get; init; }

    /// <summary>The output file's path; the daemon picks one under the XDG videos or music directory by default.</summary>
    public string? Location { get; init; }

    /// <summary>Stop and destroy the recorder when its creator leaves the bus (the daemon's default is false).</summary>
    public bool? StopOnDisconnect { get; init; }

    /// <summary>The <c>a{sv}</c> for <c>CreateRecorder</c>, keyed exactly as the JavaScript dictionary.</summary>
    internal GVariant ToVariant()
    {
        (string Key, GVariant? Value)[] entries =
        [
            ("mimeType", Box(MimeType)),
            ("audioBitsPerSecond", Box(AudioBitsPerSecond)),
            ("videoBitsPerSecond", Box(VideoBitsPerSecond)),
            ("bitsPerSecond", Box(BitsPerSecond)),
            ("audioBitrateMode", Box(AudioBitrateMode)),
            ("videoKeyFrameIntervalDuration", Box(VideoKeyFrameIntervalDuration)),
            ("videoKeyFrameIntervalCount", Box(VideoKeyFrameIntervalCount)),
            ("location", Box(Location)),
            ("stopOnDisconnect", Box(StopOnDisconnect)),
        ];
        return GVariant.VariantDictionary(
            from entry in entries where entry.Value is not null select KeyValuePair.Create(entry.Key, entry.Value));
    }

    private static GVariant? Box(string? value) => value is null ? null : GVariant.String(value);

    private static GVariant? Box(uint? value) => value is { } number ? GVariant.UInt32(number) : null;

    private static GVariant? Box(bool? value) => value is { } flag ? GVariant.Boolean(flag) : null;
}
