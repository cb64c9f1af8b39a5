using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RecorderDaemon.Ctl;

/// <summary>How recorderctl shows sizes and times to people.</summary>
internal static class Units
{
    private static readonly string[] SizeUnits = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>E.g. <c>512 B</c>, <c>1.5 MiB</c>.</summary>
    public static string Size(ulong bytes)
    {
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < SizeUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {SizeUnits[unit]}");
    }

    private const double MaxSeconds = 366 * 24 * 3600;

    /// <summary>A size typed as bytes, or with a K, M or G suffix (binary: KiB, MiB, GiB), e.g. <c>500M</c>.</summary>
    public static ulong? ParseSize(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var shift = char.ToUpperInvariant(text.LastOrDefault()) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            _ => 0,
        };
        var number = shift == 0 ? text : text[..^1];
        if (ulong.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= ulong.MaxValue >> shift)
        {
            return value << shift;
        }

        result.AddError($"'{text}' is not a size: give bytes above 0, or a number with a K, M or G suffix (e.g. 500M)");
        return null;
    }

    /// <summary>Makes <paramref name="option"/> accept only seconds above 0 and at most a year.</summary>
    public static void RequirePositiveSeconds(Option<double?> option) => option.Validators.Add(result =>
    {
        if (result.GetValue(option) is not (null or (> 0 and <= MaxSeconds)))
        {
            result.AddError($"{option.Name} must be a number of seconds above 0 (at most a year)");
        }
    });

    public static TimeSpan? Seconds(double? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    private const double MeterFloorDecibels = -60;
    private const int MeterWidth = 20;

    /// <summary>
    /// A level meter of the loudest channel's peak, e.g. <c>  [##########..........]  -30 dB</c>, from -60 dB (empty) to full
    /// scale; empty text without levels.
    /// </summary>
    public static string Meter(IReadOnlyList<double>? peakDecibels)
    {
        if (peakDecibels is not { Count: > 0 })
        {
            return "";
        }

        var peak = peakDecibels.Max();
        var filled = (int)Math.Round(Math.Clamp(1 - peak / MeterFloorDecibels, 0, 1) * MeterWidth);
        return string.Create(CultureInfo.InvariantCulture, $"  [{new string('#', filled)}{new string('.', MeterWidth - filled)}] {Math.Max(peak, MeterFloorDecibels),4:0} dB");
    }

    /// <summary>E.g. <c>0:00:05.2</c>.</summary>
    public static string Time(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time:mm\\:ss\\.f}");
}
