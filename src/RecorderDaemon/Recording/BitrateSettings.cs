namespace RecorderDaemon.Recording;

/// <summary>
/// The <c>audioBitsPerSecond</c> and <c>videoBitsPerSecond</c> attributes through a recorder's life
/// (checklist C). <c>bitsPerSecond</c> is split with Gecko's rule, which passes every WPT bitrate
/// assertion: 20 parts per video track to 1 per audio track, each clamped per track.
/// </summary>
public sealed record BitrateSettings(uint Audio, uint Video)
{
    public const uint DefaultAudio = 128_000;
    public const uint DefaultVideo = 2_500_000;
    public const uint MinAudio = 500;
    public const uint MaxAudio = 512_000;
    public const uint MinVideo = 10_000;
    public const uint MaxVideo = 100_000_000;

    private const ulong VideoPartsPerTrack = 20;
    private const ulong AudioPartsPerTrack = 1;

    /// <summary>The constructor's values; the split assumes one audio and one video track whatever the stream holds (C4).</summary>
    public static BitrateSettings ForConstructor(uint? bitsPerSecond, uint? audioBitsPerSecond, uint? videoBitsPerSecond) =>
        bitsPerSecond is { } total
            ? Split(total, audioTracks: 1, videoTracks: 1)
            : new(audioBitsPerSecond ?? DefaultAudio, videoBitsPerSecond ?? DefaultVideo);

    /// <summary><c>start()</c> re-splits <c>bitsPerSecond</c> over the recorded track kinds (C5); without it nothing changes (C6).</summary>
    public static BitrateSettings ForStart(BitrateSettings current, uint? bitsPerSecond, bool hasAudio, bool hasVideo) =>
        bitsPerSecond is { } total
            ? Split(total, audioTracks: hasAudio ? 1u : 0, videoTracks: hasVideo ? 1u : 0)
            : current;

    /// <summary>"Inactivate the recorder" recomputes the split as the constructor did (C7).</summary>
    public static BitrateSettings ForInactivate(BitrateSettings current, uint? bitsPerSecond) =>
        bitsPerSecond is { } total ? Split(total, audioTracks: 1, videoTracks: 1) : current;

    /// <summary>Splits <paramref name="bitsPerSecond"/>; a kind without tracks gets exactly 0 and the other all of it, clamped.</summary>
    public static BitrateSettings Split(uint bitsPerSecond, uint audioTracks, uint videoTracks)
    {
        var audioParts = AudioPartsPerTrack * audioTracks;
        var videoParts = VideoPartsPerTrack * videoTracks;
        var totalParts = audioParts + videoParts;
        return totalParts == 0
            ? throw new ArgumentException("a bitrate can only be split over at least one track")
            : new(
                audioTracks == 0 ? 0 : Clamp(bitsPerSecond * audioParts / totalParts, MinAudio * audioTracks, MaxAudio * audioTracks),
                videoTracks == 0 ? 0 : Clamp(bitsPerSecond * videoParts / totalParts, MinVideo * videoTracks, MaxVideo * videoTracks));
    }

    private static uint Clamp(ulong value, ulong min, ulong max) => (uint)Math.Clamp(value, min, max);
}
