using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// Where a track branch drops its data while the recording is paused: an <c>identity</c> that, closed, drops every
/// buffer (<c>drop-probability</c> 1) and passes every event, so a paused recording can still be stopped. Not a
/// <c>valve</c>: a valve pushes a reconfigure event upstream at each change, and pipewiresrc answers one by
/// reconnecting its PipeWire stream, which cut the audio and, with timestamped audio, crashed opusenc.
/// </summary>
internal sealed class PauseGate : IDisposable
{
    private PauseGate(GstElement element) => Element = element;

    /// <summary>The gate's element, for the pipeline to link.</summary>
    public GstElement Element { get; }

    public static PauseGate Make() => new(GstElements.Make("identity"));

    public void Close() => Element.Set("drop-probability", 1.0);

    /// <summary>Lets data through again, shifted back by <paramref name="pausedTotal"/> so the file's timeline has no gap.</summary>
    public void Open(TimeSpan pausedTotal)
    {
        using (var output = Element.StaticPad("src"))
        {
            output.SetOffset(-pausedTotal);
        }

        Element.Set("drop-probability", 0.0);
    }

    public void Dispose() => Element.Dispose();
}
