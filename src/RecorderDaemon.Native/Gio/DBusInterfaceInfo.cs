namespace RecorderDaemon.Native;

/// <summary>
/// One interface of a <see cref="DBusNodeInfo"/>, holding its own reference, plus the signatures the
/// vtable callbacks check replies against (GDBus drops a mistyped reply with only a warning).
/// </summary>
public sealed unsafe class DBusInterfaceInfo : IDisposable
{
    internal DBusInterfaceInfo(string name, Interop.Gio.GDBusInterfaceInfo* info)
    {
        Name = name;
        Handle = new DBusInterfaceInfoHandle(Interop.Gio.g_dbus_interface_info_ref(info));
        ReplySignatures = ReadReplySignatures(info->Methods);
        PropertySignatures = ReadPropertySignatures(info->Properties);
    }

    public string Name { get; }

    internal DBusInterfaceInfoHandle Handle { get; }

    /// <summary>Method name → the tuple type of its reply, e.g. <c>(s)</c> or <c>()</c>.</summary>
    internal IReadOnlyDictionary<string, string> ReplySignatures { get; }

    /// <summary>Property name → its type, e.g. <c>as</c>.</summary>
    internal IReadOnlyDictionary<string, string> PropertySignatures { get; }

    public void Dispose() => Handle.Dispose();

    private static Dictionary<string, string> ReadReplySignatures(Interop.Gio.GDBusMethodInfo** methods)
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var method = methods; method != null && *method != null; method++)
        {
            var reply = "(";
            for (var arg = (*method)->OutArgs; arg != null && *arg != null; arg++)
            {
                reply += Utf8.FromNative((*arg)->Signature);
            }

            signatures[Utf8.FromNative((*method)->Name)!] = reply + ")";
        }

        return signatures;
    }

    private static Dictionary<string, string> ReadPropertySignatures(Interop.Gio.GDBusPropertyInfo** properties)
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var property = properties; property != null && *property != null; property++)
        {
            signatures[Utf8.FromNative((*property)->Name)!] = Utf8.FromNative((*property)->Signature)!;
        }

        return signatures;
    }
}
