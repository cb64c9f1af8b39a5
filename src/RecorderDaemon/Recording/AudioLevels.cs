namespace RecorderDaemon.Recording;

/// <summary>
/// The loudness of the recorded audio over one <c>levelInterval</c>, per channel of its (first) track: the peak and the
/// RMS in dB of full scale, 0 being full scale, floored at <see cref="FloorDecibels"/> (silence).
/// </summary>
public sealed record AudioLevels(IReadOnlyList<double> PeakDecibels, IReadOnlyList<double> RmsDecibels)
{
    /// <summary>What silence reads as: digital silence is negative infinity, which not every client can carry.</summary>
    public const double FloorDecibels = -100;

    /// <summary>The smallest level interval; a meter needs no more than 50 a second.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(20);

    public static AudioLevels Floored(IReadOnlyList<double> peak, IReadOnlyList<double> rms) => new([.. peak.Select(Floor)], [.. rms.Select(Floor)]);

    private static double Floor(double decibels) => double.IsNaN(decibels) || decibels < FloorDecibels ? FloorDecibels : decibels;
}
