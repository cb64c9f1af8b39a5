using Tmds.DBus.Protocol;

namespace RecorderDaemon.Hosting;

/// <summary>
/// A named preset of a recorder (configuration section <c>Recorderd:Profiles:NAME</c>): its sources and any of the
/// CreateRecorder options, named as on the bus (case does not matter in the configuration). Times are milliseconds.
/// </summary>
public sealed class RecorderProfile
{
    public string[] Sources { get; set; } = [];

    public string? MimeType { get; set; }

    public uint? AudioBitsPerSecond { get; set; }

    public uint? VideoBitsPerSecond { get; set; }

    public uint? BitsPerSecond { get; set; }

    public string? AudioBitrateMode { get; set; }

    public uint? VideoKeyFrameIntervalDuration { get; set; }

    public uint? VideoKeyFrameIntervalCount { get; set; }

    public string? AudioTracks { get; set; }

    /// <summary>A file path or a location template (<c>%Y-%m-%d %p %n.webm</c>, <c>~/...</c>, relative to the default directory).</summary>
    public string? Location { get; set; }

    public uint? TimeLimit { get; set; }

    public ulong? SizeLimit { get; set; }

    public uint? MaxFileDuration { get; set; }

    public ulong? MaxFileSize { get; set; }

    public uint? LevelInterval { get; set; }

    public bool? Notify { get; set; }

    /// <summary>The options set, as CreateRecorder's <c>a{sv}</c> carries them.</summary>
    public Dictionary<string, VariantValue> ToOptionValues()
    {
        (string Key, VariantValue? Value)[] entries =
        [
            ("mimeType", Text(MimeType)),
            ("audioBitsPerSecond", UInt32(AudioBitsPerSecond)),
            ("videoBitsPerSecond", UInt32(VideoBitsPerSecond)),
            ("bitsPerSecond", UInt32(BitsPerSecond)),
            ("audioBitrateMode", Text(AudioBitrateMode)),
            ("videoKeyFrameIntervalDuration", UInt32(VideoKeyFrameIntervalDuration)),
            ("videoKeyFrameIntervalCount", UInt32(VideoKeyFrameIntervalCount)),
            ("audioTracks", Text(AudioTracks)),
            ("location", Text(Location)),
            ("timeLimit", UInt32(TimeLimit)),
            ("sizeLimit", UInt64(SizeLimit)),
            ("maxFileDuration", UInt32(MaxFileDuration)),
            ("maxFileSize", UInt64(MaxFileSize)),
            ("levelInterval", UInt32(LevelInterval)),
            ("notify", Notify is { } notify ? VariantValue.Bool(notify) : default(VariantValue?)),
        ];
        return entries.Where(entry => entry.Value is not null).ToDictionary(entry => entry.Key, entry => entry.Value!.Value);
    }

    // VariantValue converts implicitly from string, so a bare null in a conditional would become a null string.
    private static VariantValue? Text(string? value) => value is null ? default(VariantValue?) : VariantValue.String(value);

    private static VariantValue? UInt32(uint? value) => value is { } number ? VariantValue.UInt32(number) : default(VariantValue?);

    private static VariantValue? UInt64(ulong? value) => value is { } number ? VariantValue.UInt64(number) : default(VariantValue?);
}
