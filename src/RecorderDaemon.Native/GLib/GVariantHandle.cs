using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// One owned, non-floating <c>GVariant</c> reference; releasing it is a plain unref (thread-safe,
/// no context). The factory names the transfer mode of the pointer it wraps.
/// </summary>
internal sealed class GVariantHandle : SafeHandle
{
    public GVariantHandle() : base(0, ownsHandle: true) { }

    private GVariantHandle(nint value) : this() => SetHandle(value);

    public override bool IsInvalid => handle == 0;

    /// <summary>Adopts a new value from a <c>g_variant_new_*</c> constructor (floating), sinking it.</summary>
    public static GVariantHandle SinkFloating(nint value) => new(Interop.GLib.g_variant_ref_sink(Require(value)));

    /// <summary>Wraps a reference the caller was given (transfer full), not floating.</summary>
    public static GVariantHandle TakeFull(nint value) => new(Require(value));

    /// <summary>Adds a reference to a value the caller only borrows (transfer none).</summary>
    public static GVariantHandle AddRef(nint value) => new(Interop.GLib.g_variant_ref(Require(value)));

    protected override bool ReleaseHandle()
    {
        Interop.GLib.g_variant_unref(handle);
        return true;
    }

    private static nint Require(nint value) =>
        value != 0 ? value : throw new InvalidOperationException("GLib returned no GVariant");
}
