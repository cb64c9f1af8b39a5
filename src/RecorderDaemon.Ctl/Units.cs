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

    /// <summary>E.g. <c>0:00:05.2</c>.</summary>
    public static string Time(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time:mm\\:ss\\.f}");
}
