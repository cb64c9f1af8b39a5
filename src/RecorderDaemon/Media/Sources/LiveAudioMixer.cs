using RecorderDaemon.Native;

namespace RecorderDaemon.Media.Sources;

/// <summary>The <c>audiomixer</c> that mixes live audio sources (several sources of one stream, an application's streams).</summary>
internal static class LiveAudioMixer
{
    /// <summary>
    /// How late a source's data may arrive and still be mixed. PipeWire hands data over a quantum (1024 samples,
    /// 21 ms) at a time, so with the mixer's default (its sources' reported latency, 20 ms) all the data of a source
    /// whose node another driver clocks was dropped as late (seen with the test tone node beside a null sink's monitor).
    /// </summary>
    internal static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    /// <summary>A mixer whose output starts with its first input's data; the caller adds it to the pipeline.</summary>
    public static GstElement Make() =>
        GstElements.Make("audiomixer")
            .SetNick("start-time-selection", "first")
            .Set("latency", (ulong)(Latency.Ticks * 100));
}
