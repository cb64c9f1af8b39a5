using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// The encoders a video codec is tried with, in order: the hardware encoders installed here and not skipped after a
/// crash (the table's ranking, or the one the configuration gives for the codec), then the codec's software encoder,
/// always last.
/// </summary>
/// <param name="configured">hardware rankings by codec name (<c>Recorderd:VideoEncoders</c>), replacing the table's</param>
/// <param name="skipped">encoders not to try (<see cref="EncoderCrashMemory.Skipped"/>)</param>
public sealed class EncoderRanking(IReadOnlyDictionary<string, string[]> configured, IReadOnlySet<string> skipped)
{
    public static EncoderRanking Default { get; } = new(new Dictionary<string, string[]>(), new HashSet<string>());

    public IReadOnlyList<EncoderCandidate> For(CodecFormat codec)
    {
        var hardware = configured.TryGetValue(codec.Name, out var factories) ? factories.Select(EncoderCandidate.Named) : codec.Hardware;
        return
        [
            .. hardware.Where(candidate => candidate.Factory != codec.Encoder && !skipped.Contains(candidate.Factory) && GstRuntime.HasElement(candidate.Factory)),
            codec.Software,
        ];
    }
}
