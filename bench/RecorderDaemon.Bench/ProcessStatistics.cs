using System.Globalization;

namespace RecorderDaemon.Bench;

/// <summary>What the kernel reports of any process, by pid, from <c>/proc</c>: its resident memory, CPU time and open descriptors.</summary>
internal static class ProcessStatistics
{
    /// <summary>The kernel's clock ticks per second (<c>getconf CLK_TCK</c>), the unit of CPU times in <c>/proc/PID/stat</c>.</summary>
    public static long ClockTicksPerSecond { get; } = long.Parse(ChildProcess.Succeed("getconf", "CLK_TCK").Trim(), CultureInfo.InvariantCulture);

    /// <summary>Resident memory: <c>VmRSS</c> of <c>/proc/PID/status</c>.</summary>
    public static long ReadRssBytes(int pid)
    {
        const string Field = "VmRSS:";
        var status = File.ReadAllText($"/proc/{pid}/status");
        var line = status.Split('\n').Single(line => line.StartsWith(Field, StringComparison.Ordinal));
        var kibibytes = line[Field.Length..].Trim().Split(' ')[0]; // "VmRSS:	  123456 kB"
        return long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time of all the process's threads so far: <c>utime + stime</c> of <c>/proc/PID/stat</c>.</summary>
    public static TimeSpan ReadCpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Field 2, the command name, is in parentheses and may hold spaces; the fields after it do not. Counting
        // from field 3 after it, utime (field 14) and stime (field 15) are at 11 and 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>How many file descriptors the process has open: the entries of <c>/proc/PID/fd</c>.</summary>
    public static int ReadOpenFileCount(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

    /// <summary>The CPU time <paramref name="readCpuTime"/> grows by over <paramref name="span"/> of wall time, in % of one core.</summary>
    public static async Task<double> MeasureCpuPercentAsync(Func<TimeSpan> readCpuTime, TimeSpan span)
    {
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var before = readCpuTime();
        await Task.Delay(span);
        var after = readCpuTime();
        return (after - before) / wall.Elapsed * 100;
    }
}
