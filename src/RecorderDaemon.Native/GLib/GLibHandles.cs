using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>An owned <c>GMainContext</c> reference.</summary>
internal sealed class MainContextHandle : SafeHandle
{
    public MainContextHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.GLib.g_main_context_unref(handle);
        return true;
    }
}

/// <summary>An owned <c>GMainLoop</c> reference.</summary>
internal sealed class MainLoopHandle : SafeHandle
{
    public MainLoopHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.GLib.g_main_loop_unref(handle);
        return true;
    }
}

/// <summary>
/// An owned <c>GSource</c> reference. Releasing only drops the reference; detaching the source
/// from its context is explicit (<see cref="GLibSource.Dispose"/>), never left to a finalizer.
/// </summary>
internal sealed class SourceHandle : SafeHandle
{
    public SourceHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.GLib.g_source_unref(handle);
        return true;
    }
}
