namespace RecorderDaemon.Native;

/// <summary>A top-level pipeline: a bin of elements with a bus watched on a <see cref="GLibLoop"/>.</summary>
public sealed class GstPipeline : GstElement
{
    private GstPipeline(GObjectHandle handle) : base(handle, "pipeline") { }

    public static GstPipeline Create(string name) => new(GObjectHandle.SinkFloating(Interop.Gst.gst_pipeline_new(name)));

    public void Add(GstElement element)
    {
        if (!Interop.Gst.gst_bin_add(Handle, element.Handle))
        {
            throw new InvalidOperationException($"could not add GStreamer element '{element.FactoryName}' to the pipeline");
        }
    }

    /// <summary>Takes an element out of the pipeline; set it to NULL first.</summary>
    public void Remove(GstElement element)
    {
        if (!Interop.Gst.gst_bin_remove(Handle, element.Handle))
        {
            throw new InvalidOperationException($"could not remove GStreamer element '{element.FactoryName}' from the pipeline");
        }
    }

    /// <summary>
    /// Delivers every bus message to <paramref name="onMessage"/> on the loop thread until the returned
    /// source is disposed or the callback returns false.
    /// </summary>
    public GLibSource WatchBus(GLibLoop loop, Func<GstBusMessage, bool> onMessage)
    {
        using var bus = GObjectHandle.TakeFull(Interop.Gst.gst_element_get_bus(Handle));
        var source = Interop.Gst.gst_bus_create_watch(bus);
        return GLibSource.AttachBusWatch(loop, source, message => onMessage(GstBusMessage.Read(message)));
    }

    /// <summary>
    /// Blocks until the pipeline ends or fails and returns that message (read as <see cref="WatchBus"/> reads
    /// them), or null when neither came within <paramref name="timeout"/>; other messages are dropped.
    /// For a pipeline run on a dedicated worker thread: never call it on a loop or pool thread, nor while
    /// the bus is watched.
    /// </summary>
    public GstBusMessage? WaitForEndOrError(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        using var bus = GObjectHandle.TakeFull(Interop.Gst.gst_element_get_bus(Handle));
        using var message = MiniObjectHandle.TakeFull(Interop.Gst.gst_bus_timed_pop_filtered(
            bus, (ulong)timeout.Ticks * 100, Interop.Gst.GST_MESSAGE_EOS | Interop.Gst.GST_MESSAGE_ERROR));
        return message.IsInvalid ? null : GstBusMessage.Read(message.DangerousGetHandle());
    }
}
