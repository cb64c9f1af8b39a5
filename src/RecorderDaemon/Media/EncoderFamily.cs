namespace RecorderDaemon.Media;

/// <summary>How <see cref="EncoderSettings"/> configures a codec's encoder: each has its own property names, units and ranges.</summary>
public enum EncoderFamily
{
    Opus,
    Vorbis,
    Flac,
    Aac,

    /// <summary>Not encoded: its "encoder" is a capsfilter that fixes the samples' format.</summary>
    Pcm,
    Vp8,
    Vp9,
    Theora,
    H264,
    Av1,
}
