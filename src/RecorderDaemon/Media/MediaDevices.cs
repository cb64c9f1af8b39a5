using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// <c>mediaDevices.enumerateDevices()</c> for the bus: capture devices from GStreamer's device
/// providers, each with a <c>deviceId</c> that is a source URI CreateRecorder accepts. Listing may block.
/// </summary>
public static class MediaDevices
{
    private static readonly string[] Properties = ["node.name", "object.serial", "device.path", "api.v4l2.path", "device.id", "device.bus-path"];

    /// <summary>Each of <paramref name="devices"/> that a source URI can name, as its <c>deviceId</c>, <c>kind</c>, <c>label</c> and <c>groupId</c>.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Enumerate(IDeviceList devices) =>
        devices.Devices(Properties).Select(Describe).OfType<Dictionary<string, string>>().ToList();

    private static Dictionary<string, string>? Describe(GstDeviceInfo device)
    {
        var deviceId = SourceUriOf(device);
        if (deviceId is null)
        {
            return null;
        }

        return new Dictionary<string, string>
        {
            ["deviceId"] = deviceId,
            ["kind"] = device.DeviceClass.StartsWith("Video", StringComparison.Ordinal) ? "videoinput" : "audioinput",
            ["label"] = device.DisplayName,
            ["groupId"] = Property(device, "device.id") ?? Property(device, "device.bus-path") ?? deviceId,
        };
    }

    private static string? SourceUriOf(GstDeviceInfo device)
    {
        if (Property(device, "node.name") is { } node)
        {
            return $"pipewire:{node}";
        }

        return (Property(device, "api.v4l2.path") ?? Property(device, "device.path")) is { } path ? $"v4l2:{path}" : null;
    }

    private static string? Property(GstDeviceInfo device, string name) => device.Properties.GetValueOrDefault(name);
}
