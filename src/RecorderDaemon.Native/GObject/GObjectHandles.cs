using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// One owned strong reference to a GObject (GstObjects included); releasing it is a plain unref.
/// The factory names the transfer mode of the pointer it wraps, so every call site states it.
/// </summary>
internal sealed class GObjectHandle : SafeHandle
{
    public GObjectHandle() : base(0, ownsHandle: true) { }

    private GObjectHandle(nint instance) : this() => SetHandle(instance);

    public override bool IsInvalid => handle == 0;

    /// <summary>Wraps a reference the caller was given (transfer full), not floating.</summary>
    public static GObjectHandle TakeFull(nint instance) => new(instance);

    /// <summary>Wraps a new object with a floating reference (every new GstObject), sinking it.</summary>
    public static GObjectHandle SinkFloating(nint instance) =>
        new(instance == 0 ? 0 : Interop.GObject.g_object_ref_sink(instance));

    /// <summary>Adds a reference to an object the caller only borrows (transfer none).</summary>
    public static GObjectHandle AddRef(nint instance) => new(instance == 0 ? 0 : Interop.GObject.g_object_ref(instance));

    /// <summary>The instance's GType (<c>G_OBJECT_TYPE</c>): the first field of its class.</summary>
    public unsafe nuint InstanceType => *(nuint*)((Interop.GObject.GTypeInstance*)handle)->GClass;

    protected override bool ReleaseHandle()
    {
        Interop.GObject.g_object_unref(handle);
        return true;
    }
}
