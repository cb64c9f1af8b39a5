using RecorderDaemon.Native;

namespace RecorderDaemon.Bus;

/// <summary><c>org.freedesktop.DBus.ObjectManager</c> on the manager: every recorder with its properties.</summary>
public sealed class ObjectManagerObject(RecorderRegistry registry, BusReplies replies) : IDBusObject
{
    public void HandleMethodCall(DBusMethodInvocation call) => replies.Run(call, () => call.MethodName == "GetManagedObjects"
        ? GVariant.Tuple(registry.ManagedObjects())
        : throw new ArgumentException($"unknown method {call.MethodName}"));

    public GVariant? GetProperty(string sender, string propertyName) => null;
}
