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
}

/// <summary>
/// What a bus message said, copied out while the message was borrowed in the watch callback.
/// <see cref="Error"/> carries the GError of error and warning messages.
/// </summary>
public sealed record GstBusMessage(GstMessageKind Kind, string SourceName, GLibException? Error, string? Debug, GstState? NewState)
{
    internal nint SourceObject { get; init; }

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
            default:
                return new(GstMessageKind.Other, sourceName, null, null, null) { SourceObject = message->Source };
        }
    }
}
