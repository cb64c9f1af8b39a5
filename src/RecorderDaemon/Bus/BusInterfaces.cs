namespace RecorderDaemon.Bus;

/// <summary>The interfaces recorderd serves, from the introspection XML in <c>data/dbus</c> (embedded).</summary>
public static class BusInterfaces
{
    private static readonly IReadOnlyDictionary<string, InterfaceDescription> ManagerNode = InterfaceDescription.Parse(ReadXml(BusNames.Manager));
    private static readonly IReadOnlyDictionary<string, InterfaceDescription> RecorderNode = InterfaceDescription.Parse(ReadXml(BusNames.Recorder));

    public static InterfaceDescription Manager { get; } = ManagerNode[BusNames.Manager];

    public static InterfaceDescription ObjectManager { get; } = ManagerNode[BusNames.ObjectManager];

    public static InterfaceDescription Recorder { get; } = RecorderNode[BusNames.Recorder];

    /// <summary>The XML file named after the interface that the manager or recorder node is described in.</summary>
    public static string ReadXml(string interfaceName)
    {
        using var stream = typeof(BusInterfaces).Assembly.GetManifestResourceStream($"{interfaceName}.xml")
            ?? throw new InvalidOperationException($"no embedded introspection XML for {interfaceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
