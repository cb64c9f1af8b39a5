using RecorderDaemon.Native;

namespace RecorderDaemon.Client;

/// <summary>The one reading of <c>MediaRecorder1</c> signals into event arguments, shared by the proxies and <see cref="RecorderClient.WatchRecordersAsync"/>.</summary>
internal static class RecorderSignals
{
    /// <summary>The arguments of signal <paramref name="member"/>; null for a signal this client does not know (a newer daemon's).</summary>
    public static EventArgs? Decode(string member, GVariant parameters)
    {
        switch (member)
        {
            case "Started" or "Stopped" or "Paused" or "Resumed":
                return EventArgs.Empty;
            case "DataAvailable":
                using (var offset = parameters.GetChild(0))
                using (var size = parameters.GetChild(1))
                using (var timecode = parameters.GetChild(2))
                {
                    return new DataAvailableEventArgs(offset.GetUInt64(), size.GetUInt64(), timecode.GetDouble());
                }

            case "Error":
                using (var name = parameters.GetChild(0))
                using (var message = parameters.GetChild(1))
                {
                    return new RecorderErrorEventArgs(name.GetString(), message.GetString());
                }

            case "Warning":
                using (var message = parameters.GetChild(0))
                {
                    return new RecorderWarningEventArgs(message.GetString());
                }

            default:
                return null;
        }
    }
}
