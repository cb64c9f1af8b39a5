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

    /// <summary>The <c>va</c> plugin's encoders: bitrate in kbit/s, <c>key-int-max</c>.</summary>
    Va,

    /// <summary>gstreamer-vaapi's encoders: bitrate in kbit/s, <c>keyframe-period</c>.</summary>
    Vaapi,

    /// <summary>NVIDIA's: bitrate in kbit/s, <c>gop-size</c>.</summary>
    Nvenc,

    /// <summary>V4L2 memory-to-memory encoders: the bitrate as a V4L2 control.</summary>
    V4l2,

    /// <summary>An encoder only the configuration names: recorderd sets nothing on it.</summary>
    Unknown,
}
