using System.Diagnostics;

namespace RecorderDaemon.Hosting;

/// <summary>
/// When recorderd's <c>Main</c> began (the runtime's own start before it is a few milliseconds with NativeAOT): each
/// start-up step is logged with its time since then.
/// </summary>
public sealed record StartupClock(long StartedAt)
{
    public double ElapsedMilliseconds => Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
}
