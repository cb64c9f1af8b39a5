namespace RecorderDaemon.Native;

/// <summary>The C heap that GLib, GStreamer and the codecs allocate from.</summary>
public static class NativeHeap
{
    /// <summary>Gives the heap's free pages back to the system (<c>malloc_trim</c>); it takes a few milliseconds, so not on the loop.</summary>
    public static void Trim() => Interop.Libc.malloc_trim(0);
}
