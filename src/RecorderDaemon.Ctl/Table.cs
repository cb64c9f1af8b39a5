namespace RecorderDaemon.Ctl;

/// <summary>
/// Rows printed as aligned columns. The header line is printed only on a terminal, so that a script reads
/// data lines only; put a column that may contain spaces last.
/// </summary>
internal sealed class Table(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] row) => _rows.Add(row);

    public void Print()
    {
        var rows = Console.IsOutputRedirected ? _rows : _rows.Prepend(header).ToList();
        var widths = header.Select((_, column) => rows.Select(row => row[column].Length).DefaultIfEmpty().Max()).ToArray();
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))));
        }
    }
}
