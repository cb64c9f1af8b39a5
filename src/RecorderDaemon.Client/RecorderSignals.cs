using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>The one reading of <c>MediaRecorder1</c> signals into event arguments, shared by the proxies and <see cref="RecorderClient.WatchRecordersAsync"/>.</summary>
internal static class RecorderSignals
{
    /// <summary>The <c>MediaRecorder1</c> signals of the daemon's object at <paramref name="path"/>, or of all its objects when null.</summary>
    public static MatchRule Rule(string? path) => new()
    {
        Type = MessageType.Signal,
        Sender = RecorderBus.Name,
        Interface = RecorderBus.RecorderInterface,
        Path = path,
    };

    /// <summary>The signal with its arguments; null for a signal this client does not know (a newer daemon's).</summary>
    public static RecorderSignalEventArgs? Read(Message message)
    {
        var name = message.MemberAsString ?? "";
        var reader = message.GetBodyReader();
        EventArgs? arguments = name switch
        {
            "Started" or "Stopped" or "Paused" or "Resumed" => EventArgs.Empty,
            "DataAvailable" => new DataAvailableEventArgs(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadDouble()),
            "Error" => new RecorderErrorEventArgs(reader.ReadString(), reader.ReadString()),
            "Warning" => new RecorderWarningEventArgs(reader.ReadString()),
            "AudioLevels" => new AudioLevelsEventArgs(reader.ReadArrayOfDouble(), reader.ReadArrayOfDouble()),
            "FileChanged" => new FileChangedEventArgs(reader.ReadString()),
            "ReplaySaved" => new ReplaySavedEventArgs(reader.ReadString(), TimeSpan.FromMicroseconds(checked((long)reader.ReadUInt64()))),
            _ => null,
        };
        return arguments is null ? null : new RecorderSignalEventArgs(message.PathAsString ?? "", name, arguments);
    }
}
