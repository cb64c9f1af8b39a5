namespace RecorderDaemon.Native;

public enum GstMessageKind
{
    Other,
    EndOfStream,
    Error,
    Warning,
    StateChanged,
    DeviceAdded,
    DeviceRemoved,

    /// <summary>A <c>level</c> element's measure: <see cref="GstBusMessage.Levels"/>.</summary>
    Levels,
}

/// <summary>What a <c>level</c> element measured over its interval, per channel, in dB of full scale (0 is full scale; silence is negative infinity).</summary>
public sealed record LevelMessage(IReadOnlyList<double> Peak, IReadOnlyList<double> Rms);

/// <summary>
/// What a bus message said, copied out while the message was borrowed in the watch callback.
/// <see cref="Error"/> carries the GError of error and warning messages.
/// </summary>
public sealed record GstBusMessage(GstMessageKind Kind, string SourceName, GLibException? Error, string? Debug, GstState? NewState)
{
    internal nint SourceObject { get; init; }

    /// <summary>For <see cref="GstMessageKind.Levels"/>: what was measured.</summary>
    public LevelMessage? Levels { get; init; }

    public bool IsFrom(GstElement element) => SourceObject == element.Handle.DangerousGetHandle();

    internal static unsafe GstBusMessage Read(nint messagePointer)
    {
        var message = (Interop.Gst.GstMessage*)messagePointer;
        var sourceName = message->Source == 0 ? "" : Utf8.TakeOwned(Interop.Gst.gst_object_get_name(message->Source)) ?? "";
        Interop.GLib.GError* error = null;
        nint debug = 0;
        switch (message->Type)
        {
            case Interop.Gst.GST_MESSAGE_EOS:
                return new(GstMessageKind.EndOfStream, sourceName, null, null, null) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_ERROR:
                Interop.Gst.gst_message_parse_error(message, &error, &debug);
                return new(GstMessageKind.Error, sourceName, GLibException.FromGError(error), Utf8.TakeOwned(debug), null) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_WARNING:
                Interop.Gst.gst_message_parse_warning(message, &error, &debug);
                return new(GstMessageKind.Warning, sourceName, GLibException.FromGError(error), Utf8.TakeOwned(debug), null) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_STATE_CHANGED:
                int oldState, newState, pending;
                Interop.Gst.gst_message_parse_state_changed(message, &oldState, &newState, &pending);
                return new(GstMessageKind.StateChanged, sourceName, null, null, (GstState)newState) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_DEVICE_ADDED:
                return new(GstMessageKind.DeviceAdded, sourceName, null, null, null) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_DEVICE_REMOVED:
                return new(GstMessageKind.DeviceRemoved, sourceName, null, null, null) { SourceObject = message->Source };
            case Interop.Gst.GST_MESSAGE_ELEMENT when Interop.Gst.gst_message_get_structure(message) is var structure and not 0
                && Interop.Gst.gst_structure_has_name(structure, "level"):
                return new(GstMessageKind.Levels, sourceName, null, null, null)
                {
                    SourceObject = message->Source,
                    Levels = new LevelMessage(Doubles(structure, "peak"), Doubles(structure, "rms")),
                };
            default:
                return new(GstMessageKind.Other, sourceName, null, null, null) { SourceObject = message->Source };
        }
    }

    /// <summary>A field holding a <c>GValueArray</c> of doubles, as <c>level</c> posts one per channel.</summary>
    private static unsafe double[] Doubles(nint structure, string field)
    {
        var value = Interop.Gst.gst_structure_get_value(structure, field);
        var array = value is null ? null : (Interop.GObject.GValueArray*)Interop.GObject.g_value_get_boxed(value);
        if (array is null)
        {
            return [];
        }

        var doubles = new double[array->NValues];
        for (var i = 0; i < doubles.Length; i++)
        {
            doubles[i] = Interop.GObject.g_value_get_double(&array->Values[i]);
        }

        return doubles;
    }
}
