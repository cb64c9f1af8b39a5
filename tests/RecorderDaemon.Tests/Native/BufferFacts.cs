using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>What a test saw of one buffer; the buffer itself is disposed as soon as it is read.</summary>
internal sealed record BufferFacts(TimeSpan? Pts, TimeSpan? Dts, TimeSpan? Duration, bool IsDeltaUnit, bool IsHeader, long Size, string Caps, TimeSpan? RunningTime)
{
    /// <summary>Runs <paramref name="upstream"/> into an unsynchronized appsink to its end; the facts of every buffer in order.</summary>
    public static IReadOnlyList<BufferFacts> Collect(params GstElement[] upstream) => Collect(upstream, afterStart: () => { });

    /// <inheritdoc cref="Collect(GstElement[])"/>
    /// <param name="afterStart">feeds the pipeline once it has started, e.g. pushes into an appsrc</param>
    public static IReadOnlyList<BufferFacts> Collect(GstElement[] upstream, Action afterStart)
    {
        var facts = new List<BufferFacts>();
        var sink = GstAppSink.Create();
        sink.Set("sync", false);
        sink.OnNewSample((buffer, caps, runningTime) =>
        {
            using (buffer)
            using (caps)
            {
                lock (facts)
                {
                    facts.Add(new(buffer.Pts, buffer.Dts, buffer.Duration, buffer.IsDeltaUnit, buffer.IsHeader, buffer.Size, caps.ToString(), runningTime));
                }
            }
        });
        using (var run = new TestPipeline([.. upstream, sink]))
        {
            run.Start();
            afterStart();
            run.WaitForEnd();
        }

        lock (facts)
        {
            return [.. facts];
        }
    }
}
