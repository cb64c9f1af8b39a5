using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>The manager object (<c>/io/github/recorderd</c>): <c>Manager1</c> and <c>ObjectManager</c>, as <c>data/dbus/*.xml</c> declare them.</summary>
internal sealed class ManagerProxy(ClientConnection bus)
{
    public Task<bool> IsTypeSupportedAsync(string mimeType, CancellationToken cancellationToken)
    {
        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "IsTypeSupported", "s");
        writer.WriteString(mimeType);
        return bus.CallAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadBool(), cancellationToken);
    }

    public Task<EncodingInfo> EncodingInfoAsync(string mimeType, VideoEncodingConfiguration? video, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, VariantValue>> config = video is null ? [] :
        [
            KeyValuePair.Create("width", VariantValue.UInt32(video.Width)),
            KeyValuePair.Create("height", VariantValue.UInt32(video.Height)),
            KeyValuePair.Create("framerate", VariantValue.Double(video.Framerate)),
        ];
        if (video?.Bitrate is { } bitrate)
        {
            config.Add(KeyValuePair.Create("bitrate", VariantValue.UInt32(bitrate)));
        }

        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "EncodingInfo", "sa{sv}");
        writer.WriteString(mimeType);
        writer.WriteDictionary(config);
        return bus.CallAsync(writer.CreateMessage(), static (message, _) =>
        {
            var info = message.GetBodyReader().ReadDictionaryOfStringToVariantValue();
            return new EncodingInfo(info["supported"].GetBool(), info["smooth"].GetBool(), info["powerEfficient"].GetBool());
        }, cancellationToken);
    }

    public Task<IReadOnlyList<MediaDeviceInfo>> EnumerateDevicesAsync(CancellationToken cancellationToken)
    {
        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "EnumerateDevices");
        return bus.CallAsync(writer.CreateMessage(), static (message, _) => ReadDevices(message), cancellationToken);
    }

    /// <summary>Sends <paramref name="options"/> as they are, so that tests can send what <see cref="MediaRecorderOptions"/> cannot.</summary>
    /// <returns>the new recorder's object path</returns>
    public Task<string> CreateRecorderAsync(IEnumerable<string> sources, IEnumerable<KeyValuePair<string, VariantValue>> options, CancellationToken cancellationToken)
    {
        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "CreateRecorder", "asa{sv}");
        writer.WriteArray(sources);
        writer.WriteDictionary(options);
        return bus.CallAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadObjectPathAsString(), cancellationToken);
    }

    /// <summary>GetDisplayMedia; waits for the user's choice (<see cref="CallTimeouts.UserChoice"/>).</summary>
    public Task<DisplayMedia> GetDisplayMediaAsync(DisplayMediaOptions options, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, VariantValue>> entries =
        [
            KeyValuePair.Create("types", VariantValue.Array(new[] { options.Monitors ? "monitor" : null, options.Windows ? "window" : null }.OfType<string>().ToArray())),
            KeyValuePair.Create("multiple", (VariantValue)options.Multiple),
        ];
        foreach (var (key, value) in new[] { ("cursor", options.Cursor), ("restoreToken", options.RestoreToken), ("persist", options.Persist) })
        {
            if (value is not null)
            {
                entries.Add(KeyValuePair.Create(key, (VariantValue)value));
            }
        }

        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "GetDisplayMedia", "a{sv}");
        writer.WriteDictionary(entries);
        return bus.CallAsync(writer.CreateMessage(), static (message, _) => ReadDisplayMedia(message), cancellationToken, CallTimeouts.UserChoice);
    }

    /// <summary>The paths of the objects <c>GetManagedObjects</c> lists with the <c>MediaRecorder1</c> interface.</summary>
    public Task<IReadOnlyList<string>> GetRecorderPathsAsync(CancellationToken cancellationToken)
    {
        using var writer = bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ObjectManagerInterface, "GetManagedObjects");
        return bus.CallAsync(writer.CreateMessage(), static (message, _) => ReadRecorderPaths(message), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetSupportedMimeTypesAsync(CancellationToken cancellationToken) =>
        (await bus.GetPropertyAsync(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "SupportedMimeTypes", cancellationToken)).GetArray<string>();

    public async Task<IReadOnlyList<string>> GetProfilesAsync(CancellationToken cancellationToken) =>
        (await bus.GetPropertyAsync(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "Profiles", cancellationToken)).GetArray<string>();

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        (await bus.GetPropertyAsync(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "Version", cancellationToken)).GetString();

    /// <summary>Whether the <c>a{sa{sv}}</c> of interfaces and their properties at the reader has <c>MediaRecorder1</c>.</summary>
    public static bool ReadHasRecorderInterface(ref Reader reader)
    {
        var found = false;
        var interfaces = reader.ReadDictionaryStart();
        while (reader.HasNext(interfaces))
        {
            found |= reader.ReadString() == RecorderBus.RecorderInterface;
            reader.ReadDictionaryOfStringToVariantValue();
        }

        return found;
    }

    // (as, a{sv}): the info's streams carry the sources with their geometry
    private static DisplayMedia ReadDisplayMedia(Message message)
    {
        var reader = message.GetBodyReader();
        reader.ReadArrayOfString();
        var info = reader.ReadDictionaryOfStringToVariantValue();
        var streams = info["streams"];
        return new DisplayMedia(
            [.. Enumerable.Range(0, streams.Count).Select(i => streams.GetItem(i).GetDictionary<string, VariantValue>()).Select(stream => new SharedStream(
                stream["source"].GetString(), stream["width"].GetInt32(), stream["height"].GetInt32(), stream["x"].GetInt32(), stream["y"].GetInt32()))],
            info.TryGetValue("restoreToken", out var token) ? token.GetString() : null);
    }

    // aa{sv}
    private static IReadOnlyList<MediaDeviceInfo> ReadDevices(Message message)
    {
        var reader = message.GetBodyReader();
        var devices = new List<MediaDeviceInfo>();
        var end = reader.ReadArrayStart(DBusType.Array);
        while (reader.HasNext(end))
        {
            devices.Add(MediaDeviceInfo.FromDictionary(reader.ReadDictionaryOfStringToVariantValue()));
        }

        return devices;
    }

    // a{oa{sa{sv}}}
    private static IReadOnlyList<string> ReadRecorderPaths(Message message)
    {
        var reader = message.GetBodyReader();
        var paths = new List<string>();
        var objects = reader.ReadDictionaryStart();
        while (reader.HasNext(objects))
        {
            var path = reader.ReadObjectPathAsString();
            if (ReadHasRecorderInterface(ref reader))
            {
                paths.Add(path);
            }
        }

        return paths;
    }
}
