namespace RecorderDaemon.Native;

/// <summary>A capture device as a GStreamer device provider (PipeWire, V4L2, …) describes it.</summary>
/// <param name="DeviceClass">e.g. <c>Audio/Source</c> or <c>Video/Source</c></param>
/// <param name="Properties">the provider's properties that were asked for, e.g. <c>node.name</c>, <c>object.serial</c></param>
public sealed record GstDeviceInfo(string DisplayName, string DeviceClass, IReadOnlyDictionary<string, string> Properties);

/// <summary>Lists capture devices with <c>GstDeviceMonitor</c>. Probing may block, so never call it on a loop thread.</summary>
public static unsafe class GstDeviceMonitor
{
    /// <param name="deviceClasses">class filters such as <c>Audio/Source</c></param>
    /// <param name="providers">the device provider factories to use (see <see cref="New"/>)</param>
    /// <param name="propertyNames">which provider properties to copy into each result</param>
    public static IReadOnlyList<GstDeviceInfo> List(IEnumerable<string> deviceClasses, IReadOnlySet<string> providers, IReadOnlyList<string> propertyNames)
    {
        using var monitor = New(deviceClasses, providers);
        return List(monitor, propertyNames);
    }

    /// <summary>
    /// A monitor of these classes that uses only these device provider factories. Every other provider factory is
    /// lowered to rank NONE first, below what a monitor takes, so its plugin and libraries are never loaded; the
    /// ranks are process-wide, like the providers.
    /// </summary>
    internal static GObjectHandle New(IEnumerable<string> deviceClasses, IReadOnlySet<string> providers)
    {
        const uint GST_RANK_NONE = 0;
        var factories = Interop.Gst.gst_device_provider_factory_list_get_device_providers(GST_RANK_NONE);
        for (var node = factories; node != null; node = node->Next)
        {
            if (!providers.Contains(Utf8.TakeOwned(Interop.Gst.gst_object_get_name(node->Data)) ?? ""))
            {
                Interop.Gst.gst_plugin_feature_set_rank(node->Data, GST_RANK_NONE);
            }
        }

        Interop.Gst.gst_plugin_feature_list_free(factories);

        var monitor = GObjectHandle.TakeFull(Interop.Gst.gst_device_monitor_new());
        foreach (var deviceClass in deviceClasses)
        {
            Interop.Gst.gst_device_monitor_add_filter(monitor, deviceClass, 0);
        }

        return monitor;
    }

    /// <summary>The devices of a monitor: probed when it is not started, the providers' current lists when it is.</summary>
    internal static IReadOnlyList<GstDeviceInfo> List(GObjectHandle monitor, IReadOnlyList<string> propertyNames)
    {
        var devices = new List<GstDeviceInfo>();
        var list = Interop.Gst.gst_device_monitor_get_devices(monitor);
        for (var node = list; node != null; node = node->Next)
        {
            devices.Add(Read(node->Data, propertyNames));
            Interop.Gst.gst_object_unref(node->Data);
        }

        Interop.GLib.g_list_free(list);
        return devices;
    }

    private static GstDeviceInfo Read(nint device, IReadOnlyList<string> propertyNames)
    {
        var properties = new Dictionary<string, string>();
        var structure = Interop.Gst.gst_device_get_properties(device);
        if (structure != 0)
        {
            foreach (var name in propertyNames)
            {
                if (Utf8.FromNative(Interop.Gst.gst_structure_get_string(structure, name)) is { } value)
                {
                    properties[name] = value;
                }
            }

            Interop.Gst.gst_structure_free(structure);
        }

        return new GstDeviceInfo(
            Utf8.TakeOwned(Interop.Gst.gst_device_get_display_name(device)) ?? "",
            Utf8.TakeOwned(Interop.Gst.gst_device_get_device_class(device)) ?? "",
            properties);
    }
}
