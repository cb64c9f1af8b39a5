using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Media;

/// <summary>A device list that always holds the same devices, whatever properties are asked for.</summary>
internal sealed class FixedDevices(params GstDeviceInfo[] devices) : IDeviceList
{
    public IReadOnlyList<GstDeviceInfo> Devices(IReadOnlyList<string> propertyNames) => devices;
}
