using System.Diagnostics;

namespace RecorderDaemon.Bench;

/// <summary>The floor of a control call: the bus daemon answering a call of its own, with no recorderd in the way.</summary>
internal static class BusRoundTrip
{
    public const string What = "a bare bus round trip: org.freedesktop.DBus.GetId";

    /// <summary>Times one call of <c>org.freedesktop.DBus.GetId</c>.</summary>
    public static async Task<TimeSpan> TimeAsync(BusClient bus)
    {
        var clock = Stopwatch.StartNew();
        await bus.CallAsync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId", [], Replies.String);
        return clock.Elapsed;
    }
}
