using RecorderDaemon.Native;

namespace RecorderDaemon.Bus;

/// <summary>The checked-in introspection XML (embedded from <c>data/dbus</c>), parsed once for registration.</summary>
public sealed class BusInterfaces : IDisposable
{
    private readonly DBusNodeInfo _managerNode;
    private readonly DBusNodeInfo _recorderNode;

    public BusInterfaces()
    {
        _managerNode = DBusNodeInfo.FromXml(ReadXml(BusNames.Manager));
        _recorderNode = DBusNodeInfo.FromXml(ReadXml(BusNames.Recorder));
        Manager = _managerNode.LookupInterface(BusNames.Manager);
        ObjectManager = _managerNode.LookupInterface(BusNames.ObjectManager);
        Recorder = _recorderNode.LookupInterface(BusNames.Recorder);
    }

    public DBusInterfaceInfo Manager { get; }

    public DBusInterfaceInfo ObjectManager { get; }

    public DBusInterfaceInfo Recorder { get; }

    /// <summary>The XML file named after the interface that the manager or recorder node is described in.</summary>
    public static string ReadXml(string interfaceName)
    {
        using var stream = typeof(BusInterfaces).Assembly.GetManifestResourceStream($"{interfaceName}.xml")
            ?? throw new InvalidOperationException($"no embedded introspection XML for {interfaceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        _managerNode.Dispose();
        _recorderNode.Dispose();
    }
}
