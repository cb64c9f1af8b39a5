using System.Globalization;

namespace RecorderDaemon.Bench;

/// <summary>Prints figures as a plain-text table: name, median, min, max, unit, how measured.</summary>
internal static class FigureTable
{
    private static readonly string[] Header = ["Figure", "Median", "Min", "Max", "Unit", "How measured"];

    // Numeric columns are right-aligned.
    private static readonly bool[] RightAligned = [false, true, true, true, false, false];

    public static void Print(TextWriter output, IEnumerable<Figure> figures)
    {
        string[][] rows =
        [
            Header,
            .. figures.Select(figure => new[]
            {
                figure.Name, Format(figure.Median), Format(figure.Min), Format(figure.Max), figure.Unit, figure.HowMeasured,
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
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
