using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>A row of the codec table (<see cref="RecordingFormats"/>).</summary>
/// <param name="Name">the identifier in a <c>codecs=</c> parameter, lower case</param>
/// <param name="Encoder">the GStreamer encoder factory of the software encoder, tried after any hardware one</param>
/// <param name="Parser">a parser factory needed between encoder and muxer, or null</param>
/// <param name="Family">how <see cref="EncoderSettings"/> configures the encoder</param>
/// <param name="MediaType">the caps media type of the encoded stream, e.g. <c>audio/x-opus</c></param>
/// <param name="Containers">the <see cref="ContainerFormat.Name"/>s it can be muxed into</param>
public sealed record CodecFormat(
    string Name,
    TrackKind Kind,
    string Encoder,
    string? Parser,
    EncoderFamily Family,
    string MediaType,
    IReadOnlyList<string> Containers)
{
    public bool FitsIn(ContainerFormat container) => Containers.Contains(container.Name);

    /// <summary>The software encoder, the last of every ranking: it needs no device.</summary>
    public EncoderCandidate Software => new(Encoder, Family);

    /// <summary>The hardware encoders tried before <see cref="Software"/>, best first; none for most codecs.</summary>
    public IReadOnlyList<EncoderCandidate> Hardware { get; init; } = [];
}
