namespace RecorderDaemon.Recording;

/// <summary>
/// The requested distance between video key frames: <c>videoKeyFrameIntervalCount</c> frames or
/// <c>videoKeyFrameIntervalDuration</c> ms (checklist C10). Encoders take a maximum distance in frames.
/// </summary>
public sealed record KeyFrameInterval
{
    private KeyFrameInterval(uint? frames, TimeSpan? duration)
    {
        Frames = frames;
        Duration = duration;
    }

    public uint? Frames { get; }

    public TimeSpan? Duration { get; }

    public static KeyFrameInterval FromCount(uint frames) => new(frames, null);

    public static KeyFrameInterval FromDuration(TimeSpan duration) => new(null, duration);

    /// <summary>
    /// The maximum frame distance between key frames: a duration becomes the frames it takes to reach it
    /// at <paramref name="framesPerSecond"/> (needed only then), rounded up. At least 1: every frame a key frame.
    /// </summary>
    public uint FrameDistance(double framesPerSecond) => (uint)Math.Clamp(Frames ?? FramesToReach(Duration!.Value, framesPerSecond), 1, uint.MaxValue);

    private static double FramesToReach(TimeSpan duration, double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        // Rounded before the ceiling so 0.1 s at 30 fps is 3 frames, not 4 from floating-point error.
        return Math.Ceiling(Math.Round(duration.TotalSeconds * framesPerSecond, 6));
    }
}
