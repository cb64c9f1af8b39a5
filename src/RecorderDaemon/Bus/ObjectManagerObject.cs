using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary><c>org.freedesktop.DBus.ObjectManager</c> on the manager: every recorder with its properties.</summary>
public sealed class ObjectManagerObject(RecorderRegistry registry, BusReplies replies) : IBusInterface
{
    public InterfaceDescription Description => BusInterfaces.ObjectManager;

    public void HandleMethodCall(BusCall call) => replies.Run(call, () => BusBody.ManagedObjects(registry.Objects));

    public VariantValue GetProperty(string name) => throw new ArgumentOutOfRangeException(nameof(name), name, null);
}
