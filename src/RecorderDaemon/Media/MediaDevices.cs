using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// <c>mediaDevices.enumerateDevices()</c> for the bus: devices from GStreamer's device providers, each with a
/// <c>deviceId</c> that is a source URI CreateRecorder accepts: inputs (<c>audioinput</c>, <c>videoinput</c>), outputs
/// (<c>audiooutput</c>, <c>desktop-audio:SINK</c>) and applications playing (<c>audiooutput</c>, <c>app-audio:NAME</c>,
/// one entry however many streams they play). A camera that both the PipeWire and the V4L2 provider see is listed once,
/// as its PipeWire node. Listing may block.
/// </summary>
public static class MediaDevices
{
    private static readonly string[] Properties =
        ["node.name", "object.serial", "device.path", "api.v4l2.path", "device.id", "device.bus-path", "application.name", "application.process.binary"];

    /// <summary>Each of <paramref name="devices"/> that a source URI can name, as its <c>deviceId</c>, <c>kind</c>, <c>label</c> and <c>groupId</c>.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Enumerate(IDeviceList devices)
    {
        var all = devices.Devices(Properties);
        var camerasOfPipeWire = all.Select(device => Property(device, "api.v4l2.path")).OfType<string>().ToHashSet();
        return all
            .Where(device => IsPipeWireNode(device) || Property(device, "device.path") is not { } path || !camerasOfPipeWire.Contains(path))
            .Select(Describe)
            .OfType<Dictionary<string, string>>()
            .DistinctBy(device => device["deviceId"])
            .ToList();
    }

    private static Dictionary<string, string>? Describe(GstDeviceInfo device)
    {
        if (PipeWireSource.IsOfClass(device, "Stream/Output/Audio"))
        {
            return Application(device);
        }

        var (deviceId, kind) = PipeWireSource.IsOfClass(device, "Audio/Sink")
            ? (Property(device, "node.name") is { } sink ? $"desktop-audio:{sink}" : null, "audiooutput")
            : (SourceUriOf(device), device.DeviceClass.StartsWith("Video", StringComparison.Ordinal) ? "videoinput" : "audioinput");
        return deviceId is null ? null : new Dictionary<string, string>
        {
            ["deviceId"] = deviceId,
            ["kind"] = kind,
            ["label"] = device.DisplayName,
            ["groupId"] = Property(device, "device.id") ?? Property(device, "device.bus-path") ?? deviceId,
        };
    }

    /// <summary>A playing application, named as <c>app-audio:</c> matches it: its application.name, else its binary.</summary>
    private static Dictionary<string, string>? Application(GstDeviceInfo stream)
    {
        if ((Property(stream, "application.name") ?? Property(stream, "application.process.binary")) is not { Length: > 0 } name)
        {
            return null;
        }

        var deviceId = $"app-audio:{Uri.EscapeDataString(name)}";
        return new Dictionary<string, string> { ["deviceId"] = deviceId, ["kind"] = "audiooutput", ["label"] = name, ["groupId"] = deviceId };
    }

    private static string? SourceUriOf(GstDeviceInfo device)
    {
        if (Property(device, "node.name") is { } node)
        {
            return $"pipewire:{node}";
        }

        return (Property(device, "api.v4l2.path") ?? Property(device, "device.path")) is { } path ? $"v4l2:{path}" : null;
    }

    private static bool IsPipeWireNode(GstDeviceInfo device) => Property(device, "object.serial") is not null;

    private static string? Property(GstDeviceInfo device, string name) => device.Properties.GetValueOrDefault(name);
}
