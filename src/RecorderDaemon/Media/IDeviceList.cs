using RecorderDaemon.Native;

namespace RecorderDaemon.Media;

/// <summary>
/// The capture devices (<c>Audio/Source</c> and <c>Video/Source</c>), audio outputs (<c>Audio/Sink</c>) and playback
/// streams (<c>Stream/Output/Audio</c>) GStreamer's device providers know, for
/// EnumerateDevices and for resolving device sources. May block while providers probe, so never call it on a loop thread.
/// </summary>
public interface IDeviceList
{
    /// <param name="propertyNames">which provider properties to copy into each result, e.g. <c>node.name</c></param>
    IReadOnlyList<GstDeviceInfo> Devices(IReadOnlyList<string> propertyNames);
}
