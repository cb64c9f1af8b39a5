using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

// GObject signals of an element: handlers live as long as the element.
public partial class GstElement
{
    /// <summary>Calls <paramref name="onPadAdded"/> on a streaming thread for each new pad; lives as long as the element.</summary>
    public unsafe void OnPadAdded(Action<GstPad> onPadAdded)
    {
        var state = GCHandle.ToIntPtr(GCHandle.Alloc(onPadAdded));
        Interop.GObject.g_signal_connect_data(Handle, "pad-added", &PadAdded, state, &FreeSignalState, 0);
    }

    [UnmanagedCallersOnly]
    private static void PadAdded(nint element, nint pad, nint state)
    {
        try
        {
            using var borrowed = new GstPad(GObjectHandle.AddRef(pad));
            ((Action<GstPad>)GCHandle.FromIntPtr(state).Target!)(borrowed);
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }
    }

    [UnmanagedCallersOnly]
    private static void FreeSignalState(nint state, nint closure) => GCHandle.FromIntPtr(state).Free();
}
