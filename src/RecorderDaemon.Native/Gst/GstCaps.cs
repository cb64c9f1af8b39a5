namespace RecorderDaemon.Native;

/// <summary>
/// Owned caps: built field by field with typed values (never parsed from text), or taken from a stream
/// (a sample's). Either can be set on a <c>caps</c> property; only caps no one else holds can be changed.
/// </summary>
public sealed unsafe class GstCaps : IDisposable
{
    private GstCaps(MiniObjectHandle handle) => Handle = handle;

    internal MiniObjectHandle Handle { get; }

    public static GstCaps Create(string mediaType) => new(MiniObjectHandle.TakeFull(Interop.Gst.gst_caps_new_empty_simple(mediaType)));

    /// <summary>Keeps borrowed caps (transfer none) by adding a reference.</summary>
    internal static GstCaps AddRef(nint caps) => new(MiniObjectHandle.AddRef(caps));

    /// <exception cref="InvalidOperationException">the caps are shared (set on an element, or still used by the stream they came from)</exception>
    public GstCaps With(string field, int value)
    {
        SetValue(field, Interop.GObject.G_TYPE_INT, v => Interop.GObject.g_value_set_int(v, value));
        return this;
    }

    /// <inheritdoc cref="With"/>
    public GstCaps WithFraction(string field, int numerator, int denominator)
    {
        SetValue(field, Interop.Gst.gst_fraction_get_type(), v => Interop.Gst.gst_value_set_fraction(v, numerator, denominator));
        return this;
    }

    /// <summary>Another owner of the same caps (a reference of its own), e.g. for a copy of what a replay buffer holds.</summary>
    public GstCaps Share() => new(MiniObjectHandle.TakeFull(Handle.NewReference()));

    public override string ToString() => Utf8.TakeOwned(Interop.Gst.gst_caps_to_string(Handle)) ?? "";

    /// <summary>The media type of the first structure of borrowed caps, e.g. <c>audio/x-opus</c>.</summary>
    internal static string MediaTypeOf(nint caps) =>
        caps == 0 || Interop.Gst.gst_caps_get_size(caps) == 0
            ? ""
            : Utf8.FromNative(Interop.Gst.gst_structure_get_name(Interop.Gst.gst_caps_get_structure(caps, 0))) ?? "";

    public void Dispose() => Handle.Dispose();

    private void SetValue(string field, nuint type, GValueScope.Action write)
    {
        if (!Interop.Gst.gst_mini_object_is_writable(Handle))
        {
            throw new InvalidOperationException($"caps '{this}' are shared and cannot be changed");
        }

        GValueScope.Apply(type, write, value => Interop.Gst.gst_caps_set_value(Handle, field, value));
    }
}
