using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>An owned <c>GDBusNodeInfo</c> reference (atomic unref, no context).</summary>
internal sealed class DBusNodeInfoHandle : SafeHandle
{
    public DBusNodeInfoHandle() : base(0, ownsHandle: true) { }

    public DBusNodeInfoHandle(nint info) : this() => SetHandle(info);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.Gio.g_dbus_node_info_unref(handle);
        return true;
    }
}

/// <summary>
/// An owned <c>GDBusInterfaceInfo</c> reference. Every introspection struct is refcounted on its own,
/// so this keeps the interface valid after its node is released.
/// </summary>
internal sealed class DBusInterfaceInfoHandle : SafeHandle
{
    public DBusInterfaceInfoHandle() : base(0, ownsHandle: true) { }

    public DBusInterfaceInfoHandle(nint info) : this() => SetHandle(info);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.Gio.g_dbus_interface_info_unref(handle);
        return true;
    }
}
