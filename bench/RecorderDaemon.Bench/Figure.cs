namespace RecorderDaemon.Bench;

/// <summary>A measured figure: one sample per repetition, and how each was taken.</summary>
internal sealed record Figure(string Name, string Unit, IReadOnlyList<double> Samples, string HowMeasured)
{
    public double Median
    {
        get
        {
            var sorted = Samples.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Samples.Min();

    public double Max => Samples.Max();
}
