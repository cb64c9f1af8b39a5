using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// The encoders a video codec is tried with, in order: the hardware encoders installed here (the table's ranking, or
/// the one the configuration gives for the codec), then the codec's software encoder, always last.
/// </summary>
/// <param name="configured">hardware rankings by codec name (<c>Recorderd:VideoEncoders</c>), replacing the table's</param>
public sealed class EncoderRanking(IReadOnlyDictionary<string, string[]> configured)
{
    public static EncoderRanking Default { get; } = new(new Dictionary<string, string[]>());

    public IReadOnlyList<EncoderCandidate> For(CodecFormat codec)
    {
        var hardware = configured.TryGetValue(codec.Name, out var factories) ? factories.Select(EncoderCandidate.Named) : codec.Hardware;
        return [.. hardware.Where(candidate => candidate.Factory != codec.Encoder && GstRuntime.HasElement(candidate.Factory)), codec.Software];
    }
}
