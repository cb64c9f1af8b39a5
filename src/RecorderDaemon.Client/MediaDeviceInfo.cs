using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>
/// A capture device, as <c>mediaDevices.enumerateDevices()</c> describes it. <see cref="DeviceId"/> is a
/// source URI for <see cref="RecorderClient.CreateRecorderAsync"/>; <see cref="Kind"/> is
/// <c>audioinput</c> or <c>videoinput</c>.
/// </summary>
public sealed record MediaDeviceInfo(string DeviceId, string Kind, string Label, string GroupId)
{
    /// <summary>Reads one <c>a{sv}</c> of <c>EnumerateDevices</c>; a missing key reads as empty.</summary>
    internal static MediaDeviceInfo FromDictionary(IReadOnlyDictionary<string, VariantValue> entries)
    {
        string Read(string key) => entries.TryGetValue(key, out var value) ? value.GetString() : "";
        return new MediaDeviceInfo(Read("deviceId"), Read("kind"), Read("label"), Read("groupId"));
    }
}
