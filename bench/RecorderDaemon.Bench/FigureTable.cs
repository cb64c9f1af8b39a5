using System.Globalization;

namespace RecorderDaemon.Bench;

/// <summary>
/// Prints figures as a plain-text table, how each stands against its goal first (ratio to its floor, goal, verdict), then the
/// absolute numbers (value, floor, unit, which statistic); then how each was measured, and which goals were missed.
/// </summary>
internal static class FigureTable
{
    private static readonly string[] Header = ["Figure", "Ratio", "Goal", "Verdict", "Value", "Floor", "Unit", "Statistic"];

    // Numeric columns are right-aligned.
    private static readonly bool[] RightAligned = [false, true, false, false, true, true, false, false];

    public static void Print(TextWriter output, IReadOnlyList<Figure> figures)
    {
        string[][] rows =
        [
            Header,
            .. figures.Select(figure => new[]
            {
                figure.Name, FormatRatio(figure), figure.Goal.Text, figure.Met ? "met" : "MISSED",
                Format(figure.Value), figure.Floor is { } floor ? Format(floor.Value) : "", figure.Unit, figure.Statistic,
            }),
        ];
        var widths = Enumerable.Range(0, Header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, column) => RightAligned[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
            if (row == Header)
            {
                output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
            }
        }

        output.WriteLine();
        foreach (var figure in figures)
        {
            output.WriteLine($"{figure.Name}: {figure.HowMeasured}{(figure.Floor is { } floor ? $". Floor: {floor.What} ({floor.Statistic})" : "")}");
        }

        output.WriteLine();
        var missed = figures.Where(figure => !figure.Met).ToList();
        output.WriteLine(missed.Count == 0
            ? $"All {figures.Count} goals met."
            : $"{missed.Count} of {figures.Count} goals missed: {string.Join("; ", missed.Select(figure => figure.Name))}.");
    }

    /// <summary>"2.85×"; with a ratio per run, the median and the range of the runs: "1.02× (0.98-1.05)"; empty without a floor.</summary>
    public static string FormatRatio(Figure figure) =>
        figure.Ratio is not { } ratio ? ""
        : figure.RunRatios is { Count: > 0 } runs ? $"{Format(Statistics.Median(runs), "0.00")}× ({Format(runs.Min(), "0.00")}-{Format(runs.Max(), "0.00")})"
        : $"{Format(ratio, "0.00")}×";

    public static string Format(double value) => Format(value, value == Math.Round(value) ? "0" : "0.0");

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
