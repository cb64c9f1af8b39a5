using System.Diagnostics;
using System.Globalization;

namespace RecorderDaemon.TestSupport;

/// <summary>Signals to a child process by pid, with <c>kill</c>, as a user or systemd sends them.</summary>
public static class UnixSignal
{
    /// <summary>Sends <paramref name="process"/> the signal <paramref name="name"/> (<c>TERM</c>, <c>INT</c>, <c>KILL</c>, …).</summary>
    public static void Send(Process process, string name)
    {
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{name}", pid]))!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {pid} failed with exit code {kill.ExitCode}");
        }
    }
}
