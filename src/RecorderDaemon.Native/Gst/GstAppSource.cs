namespace RecorderDaemon.Native;

/// <summary>
/// An <c>appsrc</c>: the start of a pipeline fed buffers from .NET, e.g. those an <see cref="GstAppSink"/> gave.
/// Set its <c>caps</c> to theirs and its <c>format</c> to <c>time</c> so their timestamps are kept.
/// </summary>
public sealed class GstAppSource : GstElement
{
    private GstAppSource(GObjectHandle handle) : base(handle, "appsrc") { }

    /// <exception cref="InvalidOperationException">appsrc is not installed</exception>
    public static GstAppSource Create(string? name = null) => new(Make("appsrc", name, "gstreamer1.0-plugins-base"));

    /// <summary>Queues <paramref name="buffer"/> to be pushed downstream, also before the pipeline starts; the caller keeps its own reference.</summary>
    /// <returns>false when the appsrc takes no more buffers: its stream has ended, or it was stopped</returns>
    public bool Push(GstBuffer buffer) =>
        Interop.GstApp.gst_app_src_push_buffer(Handle, buffer.Handle.NewReference()) == Interop.Gst.GST_FLOW_OK;

    /// <summary>Ends the stream once the queued buffers are pushed.</summary>
    /// <returns>false when the appsrc was stopped</returns>
    public bool EndStream() => Interop.GstApp.gst_app_src_end_of_stream(Handle) == Interop.Gst.GST_FLOW_OK;
}
