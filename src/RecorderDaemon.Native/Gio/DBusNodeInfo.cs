namespace RecorderDaemon.Native;

/// <summary>Parsed D-Bus introspection XML (<c>g_dbus_node_info_new_for_xml</c>).</summary>
public sealed class DBusNodeInfo : IDisposable
{
    private readonly DBusNodeInfoHandle _handle;

    private DBusNodeInfo(DBusNodeInfoHandle handle) => _handle = handle;

    /// <exception cref="GLibException">The XML is malformed or not valid introspection data.</exception>
    public static unsafe DBusNodeInfo FromXml(string xml)
    {
        Interop.GLib.GError* error = null;
        var info = Interop.Gio.g_dbus_node_info_new_for_xml(xml, &error);
        GLibException.ThrowIfSet(error);
        return new DBusNodeInfo(new DBusNodeInfoHandle(info));
    }

    /// <exception cref="KeyNotFoundException">The XML declares no interface of that name.</exception>
    public unsafe DBusInterfaceInfo LookupInterface(string name)
    {
        var info = Interop.Gio.g_dbus_node_info_lookup_interface(_handle, name);
        return info != null
            ? new DBusInterfaceInfo(name, info)
            : throw new KeyNotFoundException($"the introspection XML declares no interface '{name}'");
    }

    public void Dispose() => _handle.Dispose();
}
