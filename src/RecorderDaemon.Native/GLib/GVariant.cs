namespace RecorderDaemon.Native;

/// <summary>
/// An immutable GLib <c>GVariant</c> (a D-Bus value). Built with the static factories, read with the
/// typed readers, which check the type first: GLib's own accessors only log a critical on a wrong type.
/// Disposing is optional; the handle's release is a thread-safe unref.
/// </summary>
public sealed partial class GVariant : IEquatable<GVariant>, IDisposable
{
    private GVariant(GVariantHandle handle) => Handle = handle;

    internal GVariantHandle Handle { get; }

    /// <summary>The D-Bus type signature of this value, e.g. <c>a{sv}</c>.</summary>
    public unsafe string TypeString => Utf8.FromNative(Interop.GLib.g_variant_get_type_string(Handle))!;

    /// <summary>The GVariant text format (<c>g_variant_print</c>), e.g. <c>{'a': &lt;uint32 1&gt;}</c>.</summary>
    public string Print(bool typeAnnotate = false) => Utf8.TakeOwned(Interop.GLib.g_variant_print(Handle, typeAnnotate))!;

    public override string ToString() => Print(typeAnnotate: true);

    /// <summary>Same type and same value (<c>g_variant_equal</c>).</summary>
    public bool Equals(GVariant? other) =>
        other is not null && (ReferenceEquals(this, other) || Interop.GLib.g_variant_equal(Handle, other.Handle));

    public override bool Equals(object? obj) => Equals(obj as GVariant);

    // g_variant_hash only accepts basic types; equal values always share a type string.
    public override int GetHashCode() => TypeString.GetHashCode(StringComparison.Ordinal);

    public void Dispose() => Handle.Dispose();

    internal static GVariant SinkFloating(nint value) => new(GVariantHandle.SinkFloating(value));

    internal static GVariant TakeFull(nint value) => new(GVariantHandle.TakeFull(value));

    internal static GVariant AddRef(nint value) => new(GVariantHandle.AddRef(value));

    /// <summary>A new strong reference for C to own (transfer full returns).</summary>
    internal nint RefForTransfer() => Interop.GLib.g_variant_ref_handle(Handle);
}
