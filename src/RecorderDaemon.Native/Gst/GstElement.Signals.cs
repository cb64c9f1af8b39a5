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

    /// <summary>Emits an action signal that takes no arguments and returns nothing, e.g. splitmuxsink's <c>split-after</c>.</summary>
    /// <exception cref="InvalidOperationException">the element has no such action signal</exception>
    public unsafe void EmitAction(string signalName)
    {
        var signal = RequireSignal(signalName, "without arguments or result", Interop.GObject.G_TYPE_NONE, [], action: true);
        GValueScope.Apply(
            Handle.InstanceType,
            instance => Interop.GObject.g_value_set_object(instance, Handle.DangerousGetHandle()),
            instance => Interop.GObject.g_signal_emitv(instance, signal, 0, null));
    }

    /// <summary>
    /// Names each file a <c>splitmuxsink</c> opens: <paramref name="nameFragment"/> gets the fragment's number (from 0)
    /// and returns its path, or null to fall back to the <c>location</c> pattern. It runs on the streaming thread and
    /// lives as long as the element; an exception goes to <see cref="NativeCallbackErrors"/> and counts as null.
    /// </summary>
    /// <exception cref="InvalidOperationException">the element has no <c>format-location</c> signal</exception>
    public unsafe void OnFormatLocation(Func<uint, string?> nameFragment)
    {
        ArgumentNullException.ThrowIfNull(nameFragment);
        RequireSignal("format-location", "taking a fragment number and returning a location", Interop.GObject.G_TYPE_STRING, [Interop.GObject.G_TYPE_UINT], action: false);
        var state = GCHandle.ToIntPtr(GCHandle.Alloc(nameFragment));
        Interop.GObject.g_signal_connect_data_format_location(Handle, "format-location", &FormatLocation, state, &FreeSignalState, 0);
    }

    /// <summary>The signal's id, once it is known to have the signature a caller's arguments and handler assume.</summary>
    private unsafe uint RequireSignal(string name, string signature, nuint returnType, nuint[] parameterTypes, bool action)
    {
        const nuint StaticScope = Interop.GObject.G_SIGNAL_TYPE_STATIC_SCOPE;
        var signal = Interop.GObject.g_signal_lookup(name, Handle.InstanceType);
        Interop.GObject.GSignalQuery query = default;
        if (signal != 0)
        {
            Interop.GObject.g_signal_query(signal, &query);
        }

        var parameters = new nuint[query.NParams];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = query.ParamTypes[i] & ~StaticScope;
        }

        var matches = signal != 0
            && (query.ReturnType & ~StaticScope) == returnType
            && parameters.SequenceEqual(parameterTypes)
            && (!action || (query.SignalFlags & Interop.GObject.G_SIGNAL_ACTION) != 0);
        return matches ? signal : throw new InvalidOperationException(
            $"GStreamer element '{FactoryName}' has no {(action ? "action signal" : "signal")} '{name}' {signature}");
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

    [UnmanagedCallersOnly]
    private static nint FormatLocation(nint element, uint fragmentId, nint state)
    {
        try
        {
            // splitmuxsink g_free()s the name.
            return Interop.GLib.g_strdup(((Func<uint, string?>)GCHandle.FromIntPtr(state).Target!)(fragmentId));
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            return 0;
        }
    }
}
