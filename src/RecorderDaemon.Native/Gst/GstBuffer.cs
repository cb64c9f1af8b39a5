namespace RecorderDaemon.Native;

/// <summary>
/// One owned reference to a GStreamer buffer, e.g. an encoded frame taken from an appsink. Buffers are
/// shared, so this only reads them; dispose it to drop the reference.
/// </summary>
public sealed class GstBuffer : IDisposable
{
    internal GstBuffer(MiniObjectHandle handle) => Handle = handle;

    internal MiniObjectHandle Handle { get; }

    /// <summary>The presentation timestamp, or null when the buffer has none.</summary>
    public TimeSpan? Pts => ClockTime(Head.Pts);

    /// <summary>The decoding timestamp, or null when the buffer has none (as raw media has not).</summary>
    public TimeSpan? Dts => ClockTime(Head.Dts);

    public TimeSpan? Duration => ClockTime(Head.Duration);

    /// <summary>True when the buffer cannot be decoded on its own, e.g. a video frame that is not a key frame.</summary>
    public bool IsDeltaUnit => HasFlag(Interop.Gst.GST_BUFFER_FLAG_DELTA_UNIT);

    /// <summary>True when the buffer holds stream headers (as Vorbis' first three do) rather than media.</summary>
    public bool IsHeader => HasFlag(Interop.Gst.GST_BUFFER_FLAG_HEADER);

    /// <summary>The number of bytes in the buffer's memory.</summary>
    public long Size => (long)Interop.Gst.gst_buffer_get_size(Handle);

    /// <summary>
    /// A copy whose PTS and DTS (those it has) are moved by <paramref name="shift"/>, sharing this buffer's memory: what a
    /// kept buffer is pushed as, its timestamps the time of the stream it goes into.
    /// </summary>
    public unsafe GstBuffer WithTimestampsShiftedBy(TimeSpan shift)
    {
        var copy = new GstBuffer(MiniObjectHandle.TakeFull(Interop.Gst.gst_buffer_copy(Handle)));
        var head = (Interop.Gst.GstBuffer*)copy.Handle.DangerousGetHandle();
        head->Pts = Shifted(head->Pts, shift);
        head->Dts = Shifted(head->Dts, shift);
        return copy;
    }

    /// <summary>Another owner of the same buffer (a reference of its own), e.g. for a copy of what a replay buffer holds.</summary>
    public GstBuffer Share() => new(MiniObjectHandle.TakeFull(Handle.NewReference()));

    public void Dispose() => Handle.Dispose();

    private Interop.Gst.GstBuffer Head => Handle.Read<Interop.Gst.GstBuffer>();

    private bool HasFlag(uint flag) => (Head.MiniObject.Flags & flag) != 0;

    private static ulong Shifted(ulong nanoseconds, TimeSpan shift) =>
        nanoseconds == Interop.Gst.GST_CLOCK_TIME_NONE ? nanoseconds : checked((ulong)((long)nanoseconds + shift.Ticks * 100));

    private static TimeSpan? ClockTime(ulong nanoseconds) =>
        nanoseconds == Interop.Gst.GST_CLOCK_TIME_NONE ? null : TimeSpan.FromTicks((long)(nanoseconds / 100));
}
