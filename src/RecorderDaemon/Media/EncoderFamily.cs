namespace RecorderDaemon.Media;

/// <summary>How <see cref="EncoderSettings"/> configures a codec's encoder: each has its own property names, units and ranges.</summary>
public enum EncoderFamily
{
    Opus,
    Vorbis,
    Flac,
    Vp8,
    Vp9,
    Theora,
}
