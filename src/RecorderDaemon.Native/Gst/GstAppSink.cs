using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>An <c>appsink</c>: the end of a pipeline that hands every buffer reaching it to .NET.</summary>
public sealed class GstAppSink : GstElement
{
    private GstAppSink(GObjectHandle handle) : base(handle, "appsink") { }

    /// <exception cref="InvalidOperationException">appsink is not installed</exception>
    public static GstAppSink Create(string? name = null) => new(Make("appsink", name, "gstreamer1.0-plugins-base"));

    /// <summary>
    /// Calls <paramref name="onSample"/> on the streaming thread with each buffer and the caps it came with,
    /// each a reference of its own that the receiver disposes, and the buffer's running time (of its PTS, else its DTS;
    /// null when it has neither or lies outside its segment): its time in the pipeline, with pad offsets such as a
    /// pause's applied, where its timestamps are the source's. Replaces an earlier handler, and lives as long as
    /// the element. A handler's exception goes to <see cref="NativeCallbackErrors"/>; the stream goes on.
    /// </summary>
    public unsafe void OnNewSample(Action<GstBuffer, GstCaps, TimeSpan?> onSample)
    {
        ArgumentNullException.ThrowIfNull(onSample);
        var callbacks = new Interop.GstApp.GstAppSinkCallbacks { NewSample = &NewSample };
        var state = GCHandle.ToIntPtr(GCHandle.Alloc(onSample));
        Interop.GstApp.gst_app_sink_set_callbacks(Handle, &callbacks, state, &FreeState);
    }

    [UnmanagedCallersOnly]
    private static int NewSample(nint appsink, nint state)
    {
        try
        {
            using var sample = MiniObjectHandle.TakeFull(Interop.GstApp.gst_app_sink_pull_sample(appsink));
            if (sample.IsInvalid)
            {
                return Interop.Gst.GST_FLOW_OK;
            }

            var buffer = Interop.Gst.gst_sample_get_buffer(sample);
            var caps = Interop.Gst.gst_sample_get_caps(sample);
            if (buffer == 0 || caps == 0)
            {
                var name = Utf8.TakeOwned(Interop.Gst.gst_object_get_name(appsink));
                throw new InvalidOperationException($"appsink '{name}' gave a sample without a buffer (buffer-list is set) or without caps");
            }

            var kept = new GstBuffer(MiniObjectHandle.AddRef(buffer));
            ((Action<GstBuffer, GstCaps, TimeSpan?>)GCHandle.FromIntPtr(state).Target!)(kept, GstCaps.AddRef(caps), RunningTime(sample, kept));
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }

        return Interop.Gst.GST_FLOW_OK;
    }

    private static TimeSpan? RunningTime(MiniObjectHandle sample, GstBuffer buffer)
    {
        if ((buffer.Pts ?? buffer.Dts) is not { } time)
        {
            return null;
        }

        var running = Interop.Gst.gst_segment_to_running_time(
            Interop.Gst.gst_sample_get_segment(sample), Interop.Gst.GST_FORMAT_TIME, (ulong)(time.Ticks * 100));
        return running == Interop.Gst.GST_CLOCK_TIME_NONE ? null : TimeSpan.FromTicks((long)(running / 100));
    }

    [UnmanagedCallersOnly]
    private static void FreeState(nint state) => GCHandle.FromIntPtr(state).Free();
}
