namespace RecorderDaemon.Bench;

/// <summary>
/// A measured figure: its value (<see cref="Statistic"/> of <see cref="Samples"/>), the floor it is compared with when it has
/// one, and the goal it is held to.
/// </summary>
/// <param name="Statistic">what <paramref name="Value"/> is of the samples, e.g. "median of 5" or "p99 of 412"</param>
internal sealed record Figure(string Name, string Unit, double Value, string Statistic, IReadOnlyList<double> Samples, Goal Goal, string HowMeasured)
{
    /// <summary>What the same work costs without recorderd, measured in the same run; null when there is none.</summary>
    public Floor? Floor { get; init; }

    /// <summary>When each run was compared with a floor run of its own: value / floor of each pair, in run order.</summary>
    public IReadOnlyList<double>? RunRatios { get; init; }

    public double? Ratio => Floor is null ? null : Value / Floor.Value;

    public bool Met => Goal.IsMet(this);

    /// <summary>A figure whose value is the median of <paramref name="samples"/>.</summary>
    public static Figure Median(string name, string unit, IReadOnlyList<double> samples, Goal goal, string howMeasured) =>
        new(name, unit, Statistics.Median(samples), $"median of {samples.Count}", samples, goal, howMeasured);

    /// <summary>A figure read once.</summary>
    public static Figure Single(string name, string unit, double value, Goal goal, string howMeasured) =>
        new(name, unit, value, "one reading", [value], goal, howMeasured);
}

/// <summary>The same work done without recorderd (or the daemon's own state before it), in the figure's unit.</summary>
/// <param name="What">e.g. "gst-launch-1.0 fakesrc num-buffers=1 ! fakesink, spawn to exit"</param>
internal sealed record Floor(string What, double Value, string Statistic, IReadOnlyList<double> Samples)
{
    public static Floor Median(string what, IReadOnlyList<double> samples) => new(what, Statistics.Median(samples), $"median of {samples.Count}", samples);
}

/// <summary>What a figure must meet, as a reader states it ("≤ 3× floor") and as a test of the figure.</summary>
internal sealed record Goal(string Text, Func<Figure, bool> IsMet)
{
    public static Goal AtMost(double limit, string unit) => new($"≤ {limit} {unit}", figure => figure.Value <= limit);

    public static Goal Exactly(double expected, string unit) => new($"= {expected} {unit}", figure => figure.Value == expected);

    public static Goal AtMostTimesFloor(double factor) => new($"≤ {factor}× floor", figure => figure.Ratio <= factor);

    /// <summary>Every run within <paramref name="factor"/> times its own floor run: <see cref="Figure.RunRatios"/>.</summary>
    public static Goal EveryRunAtMostTimesFloor(double factor) =>
        new($"≤ {factor}× floor, every run", figure => figure.RunRatios is { Count: > 0 } ratios && ratios.All(ratio => ratio <= factor));

    public static Goal AtMostFloorPlus(double margin, string unit) =>
        new(margin == 0 ? "≤ floor" : $"≤ floor + {margin} {unit}", figure => figure.Value <= figure.Floor?.Value + margin);
}

internal static class Statistics
{
    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 50);

    /// <summary>The nearest-rank percentile: the smallest sample that at least <paramref name="percent"/>% of the samples do not exceed.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            throw new BenchmarkFailedException("a figure has no samples");
        }

        var sorted = samples.Order().ToArray();
        if (percent == 50 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
