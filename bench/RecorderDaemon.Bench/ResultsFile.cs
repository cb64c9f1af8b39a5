using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecorderDaemon.Bench;

/// <summary>The bench's results as <c>artifacts/bench/results.json</c> under the repository root: every figure as the table shows it, with its samples.</summary>
internal static class ResultsFile
{
    // Names and goals as the table writes them ("≤ 3× floor", "VP8+Opus"), not as \u escapes: the file is read by people too.
    private static readonly ResultsJsonContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(IReadOnlyList<Figure> figures, TimeSpan runtime)
    {
        var path = Path.Combine(ChildProcess.RepositoryRoot, "artifacts", "bench", "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var results = new BenchResults(
            DateTimeOffset.Now, Environment.ProcessorCount, ProcessStatistics.ClockTicksPerSecond, Math.Round(runtime.TotalSeconds),
            figures.All(figure => figure.Met),
            [.. figures.Select(figure => new FigureResult(
                figure.Name, figure.Ratio, figure.RunRatios, figure.Goal.Text, figure.Met,
                figure.Value, figure.Unit, figure.Statistic, figure.Samples, figure.Floor, figure.HowMeasured))]);
        File.WriteAllText(path, JsonSerializer.Serialize(results, Json.BenchResults));
        return path;
    }
}

internal sealed record BenchResults(
    DateTimeOffset Date, int Cores, long ClockTicksPerSecond, double RuntimeSeconds, bool AllGoalsMet, IReadOnlyList<FigureResult> Figures);

/// <summary>A <see cref="Figure"/> as written: ratio and verdict first, as in the table.</summary>
internal sealed record FigureResult(
    string Name, double? Ratio, IReadOnlyList<double>? RunRatios, string Goal, bool Met,
    double Value, string Unit, string Statistic, IReadOnlyList<double> Samples, Floor? Floor, string HowMeasured);

[JsonSerializable(typeof(BenchResults))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
