using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Native;

public enum GstState
{
    Null = Interop.Gst.GST_STATE_NULL,
    Ready = Interop.Gst.GST_STATE_READY,
    Paused = Interop.Gst.GST_STATE_PAUSED,
    Playing = Interop.Gst.GST_STATE_PLAYING,
}

/// <summary>A GStreamer element we own a reference to, configured by typed property writes.</summary>
public partial class GstElement : IDisposable
{
    private protected GstElement(GObjectHandle handle, string factoryName)
    {
        Handle = handle;
        FactoryName = factoryName;
    }

    public string FactoryName { get; }

    internal GObjectHandle Handle { get; }

    /// <summary>Makes an element from its factory, or returns null when no installed plugin provides it.</summary>
    public static GstElement? TryMake(string factoryName, string? name = null)
    {
        var element = Interop.Gst.gst_element_factory_make(factoryName, name);
        return element == 0 ? null : new GstElement(GObjectHandle.SinkFloating(element), factoryName);
    }

    /// <summary>Makes the element a subclass wraps.</summary>
    /// <exception cref="InvalidOperationException">no installed plugin provides it; the message names <paramref name="package"/></exception>
    private protected static GObjectHandle Make(string factoryName, string? name, string package)
    {
        var element = Interop.Gst.gst_element_factory_make(factoryName, name);
        return element == 0
            ? throw new InvalidOperationException($"no GStreamer element '{factoryName}' (install {package})")
            : GObjectHandle.SinkFloating(element);
    }

    public bool HasProperty(string name) => GObjectProperties.Has(Handle, name);

    public GstElement Set(string name, bool value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, int value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, uint value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, long value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, ulong value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, double value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, string value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, GstCaps value) => Apply(() => GObjectProperties.Set(Handle, name, value));

    public GstElement Set(string name, GstElement value) => Apply(() => GObjectProperties.Set(Handle, name, value.Handle));

    /// <summary>Sets an fd property (as <c>fdsrc</c> and <c>fdsink</c> have); the element borrows it, so keep the handle open while the element may use it.</summary>
    public GstElement Set(string name, SafeFileHandle descriptor) => Set(name, checked((int)descriptor.DangerousGetHandle()));

    public bool GetBoolean(string name) => GObjectProperties.GetBoolean(Handle, name);

    /// <summary>Reads an int property, or an enum property as its number.</summary>
    public int GetInt(string name) => GObjectProperties.GetInt(Handle, name);

    public long GetInt64(string name) => GObjectProperties.GetInt64(Handle, name);

    /// <summary>Sets an enum property by its nick, e.g. <c>wave</c> = <c>sine</c>.</summary>
    public GstElement SetNick(string name, string nick) => Apply(() => GObjectProperties.SetNick(Handle, name, nick));

    /// <summary>Sets a property from its serialized form, e.g. a GstStructure as <c>props,key=value</c>; for constant text only, never user input.</summary>
    public GstElement SetSerialized(string name, string text) => SetNick(name, text);

    public void LinkTo(GstElement downstream)
    {
        if (!Interop.Gst.gst_element_link(Handle, downstream.Handle))
        {
            throw new InvalidOperationException($"could not link GStreamer element '{FactoryName}' to '{downstream.FactoryName}'");
        }
    }

    /// <summary>
    /// Links the element's <c>src</c> pad to <paramref name="downstream"/>'s <c>sink</c> pad, checking only that the pads' templates
    /// fit. <see cref="LinkTo"/> asks both pads which caps they could take, a query that runs through every element linked behind
    /// them; use this to join a chain to one that is linked already, where caps negotiation checks the fit when the data flows.
    /// </summary>
    public void LinkByTemplates(GstElement downstream)
    {
        const int checks = Interop.Gst.GST_PAD_LINK_CHECK_HIERARCHY | Interop.Gst.GST_PAD_LINK_CHECK_TEMPLATE_CAPS;
        if (!Interop.Gst.gst_element_link_pads_full(Handle, "src", downstream.Handle, "sink", checks))
        {
            throw new InvalidOperationException($"could not link GStreamer element '{FactoryName}' to '{downstream.FactoryName}': their pads' templates do not fit");
        }
    }

    /// <summary>The element's always-present pad of this name.</summary>
    public GstPad StaticPad(string name)
    {
        var pad = Interop.Gst.gst_element_get_static_pad(Handle, name);
        return pad == 0
            ? throw new InvalidOperationException($"GStreamer element '{FactoryName}' has no pad '{name}'")
            : new GstPad(GObjectHandle.TakeFull(pad));
    }

    /// <summary>A new pad of the element's request template <paramref name="template"/>, e.g. <c>audio_%u</c>.</summary>
    public GstPad RequestPad(string template)
    {
        var pad = Interop.Gst.gst_element_request_pad_simple(Handle, template);
        return pad == 0
            ? throw new InvalidOperationException($"GStreamer element '{FactoryName}' gives no pad of template '{template}'")
            : new GstPad(GObjectHandle.TakeFull(pad));
    }

    /// <summary>
    /// Unlinks this element's <c>src</c> pad from the request pad of <paramref name="downstream"/> it was linked to
    /// (as <see cref="LinkTo"/> links to a mixer) and releases that pad.
    /// </summary>
    public void UnlinkAndRelease(GstElement downstream)
    {
        using var output = StaticPad("src");
        var peer = Interop.Gst.gst_pad_get_peer(output.Handle);
        if (peer == 0)
        {
            return;
        }

        using var input = GObjectHandle.TakeFull(peer);
        Interop.Gst.gst_pad_unlink(output.Handle, input);
        Interop.Gst.gst_element_release_request_pad(downstream.Handle, input);
    }

    /// <summary>Brings an element added to a running pipeline to the pipeline's state.</summary>
    public bool SyncStateWithParent() => Interop.Gst.gst_element_sync_state_with_parent(Handle);

    public bool SetState(GstState state) =>
        Interop.Gst.gst_element_set_state(Handle, (int)state) != Interop.Gst.GST_STATE_CHANGE_FAILURE;

    public bool SendEndOfStream() => Interop.Gst.gst_element_send_event(Handle, Interop.Gst.gst_event_new_eos());

    /// <summary>Whether the element is PLAYING with no state change under way; does not wait.</summary>
    public bool IsPlaying =>
        Interop.Gst.gst_element_get_state(Handle, out var state, out _, 0) == Interop.Gst.GST_STATE_CHANGE_SUCCESS && state == (int)GstState.Playing;

    /// <summary>Waits up to <paramref name="timeout"/> for a state change (or a flushing seek) to complete; true when it succeeded.</summary>
    public bool WaitForState(TimeSpan timeout) =>
        Interop.Gst.gst_element_get_state(Handle, out _, out _, (ulong)(timeout.Ticks * 100)) == Interop.Gst.GST_STATE_CHANGE_SUCCESS;

    /// <summary>A flushing, accurate seek to <paramref name="position"/> (players seek so); false when the element cannot.</summary>
    public bool Seek(TimeSpan position) => Interop.Gst.gst_element_seek_simple(
        Handle, Interop.Gst.GST_FORMAT_TIME, Interop.Gst.GST_SEEK_FLAG_FLUSH | Interop.Gst.GST_SEEK_FLAG_ACCURATE, position.Ticks * 100);

    /// <summary>The stream position, or null when the element cannot tell.</summary>
    public TimeSpan? Position => Interop.Gst.gst_element_query_position(Handle, Interop.Gst.GST_FORMAT_TIME, out var nanoseconds)
        ? TimeSpan.FromTicks(nanoseconds / 100)
        : null;

    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    private GstElement Apply(Action write)
    {
        try
        {
            write();
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"GStreamer element '{FactoryName}': {exception.Message}", exception);
        }

        return this;
    }
}
