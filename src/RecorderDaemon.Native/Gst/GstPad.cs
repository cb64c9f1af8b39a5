namespace RecorderDaemon.Native;

public sealed class GstPad : IDisposable
{
    internal GstPad(GObjectHandle handle) => Handle = handle;

    internal GObjectHandle Handle { get; }

    public bool IsLinked => Interop.Gst.gst_pad_is_linked(Handle);

    /// <summary>The media type the pad can produce, e.g. <c>audio/x-raw</c> or <c>video/x-raw</c>.</summary>
    public string MediaType
    {
        get
        {
            var caps = Interop.Gst.gst_pad_query_caps(Handle, 0);
            try
            {
                return GstCaps.MediaTypeOf(caps);
            }
            finally
            {
                if (caps != 0)
                {
                    Interop.Gst.gst_mini_object_unref(caps);
                }
            }
        }
    }

    /// <summary>Shifts the running time of everything passing this pad, e.g. back by the time a recording was paused.</summary>
    public void SetOffset(TimeSpan offset) => Interop.Gst.gst_pad_set_offset(Handle, offset.Ticks * 100);

    public bool TryLinkTo(GstPad sink) => Interop.Gst.gst_pad_link(Handle, sink.Handle) == Interop.Gst.GST_PAD_LINK_OK;

    public void Dispose() => Handle.Dispose();
}
