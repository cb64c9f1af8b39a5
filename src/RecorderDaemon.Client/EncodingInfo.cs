namespace RecorderDaemon.Client;

/// <summary>The video of an <c>encodingInfo</c> question: the size and rate to record at, and optionally the bitrate.</summary>
/// <param name="Bitrate">bits per second; null for the daemon's default</param>
public sealed record VideoEncodingConfiguration(uint Width, uint Height, double Framerate, uint? Bitrate = null);

/// <summary>
/// <c>MediaCapabilitiesInfo</c>: whether the type can be recorded so, whether that keeps up on the daemon's machine
/// (measured there), and whether a hardware encoder does it.
/// </summary>
public sealed record EncodingInfo(bool Supported, bool Smooth, bool PowerEfficient);
