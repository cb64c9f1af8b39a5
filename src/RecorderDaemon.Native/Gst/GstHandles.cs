using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// One owned reference to a <c>GstMiniObject</c> (caps, buffers, samples, messages); releasing it is a plain unref.
/// The factory names the transfer mode of the pointer it wraps, as <see cref="GObjectHandle"/>'s do.
/// </summary>
internal sealed class MiniObjectHandle : SafeHandle
{
    public MiniObjectHandle() : base(0, ownsHandle: true) { }

    private MiniObjectHandle(nint miniObject) : this() => SetHandle(miniObject);

    public override bool IsInvalid => handle == 0;

    /// <summary>Wraps a reference the caller was given (transfer full); 0 gives an invalid handle.</summary>
    public static MiniObjectHandle TakeFull(nint miniObject) => new(miniObject);

    /// <summary>Adds a reference to a mini object the caller only borrows (transfer none).</summary>
    public static MiniObjectHandle AddRef(nint miniObject) =>
        new(miniObject == 0 ? 0 : Interop.Gst.gst_mini_object_ref(miniObject));

    /// <summary>Copies the public head of the object (a struct mirror), keeping the reference alive while reading.</summary>
    /// <exception cref="ObjectDisposedException">the handle was disposed</exception>
    public unsafe T Read<T>() where T : unmanaged
    {
        var added = false;
        DangerousAddRef(ref added);
        try
        {
            return *(T*)handle;
        }
        finally
        {
            DangerousRelease();
        }
    }

    /// <summary>A new reference for a callee that takes one (transfer full), e.g. <c>gst_app_src_push_buffer</c>.</summary>
    /// <exception cref="ObjectDisposedException">the handle was disposed</exception>
    public nint NewReference()
    {
        var added = false;
        DangerousAddRef(ref added);
        try
        {
            return Interop.Gst.gst_mini_object_ref(handle);
        }
        finally
        {
            DangerousRelease();
        }
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gst.gst_mini_object_unref(handle);
        return true;
    }
}
