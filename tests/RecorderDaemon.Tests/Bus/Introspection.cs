using System.Xml;
using System.Xml.Linq;
using RecorderDaemon.Bus;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Introspection XML reduced to what the API is: one line per interface member, e.g.
/// <c>io.github.recorderd.MediaRecorder1 method Start(in u timeslice)</c>, sorted. Comments,
/// annotations and child nodes are left out, as are the standard interfaces every object has.
/// </summary>
internal static class Introspection
{
    private static readonly HashSet<string> Standard =
        ["org.freedesktop.DBus.Properties", "org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer"];

    /// <summary>What the running daemon says the object at <paramref name="path"/> implements.</summary>
    public static IReadOnlyList<string> Interfaces(DaemonProcess daemon, string path) =>
        Describe(daemon.Call(path, "org.freedesktop.DBus.Introspectable", "Introspect", Replies.String));

    /// <summary>The checked-in <c>data/dbus/NAME.xml</c> embedded in the daemon (all interfaces of its node).</summary>
    public static IReadOnlyList<string> CheckedIn(string interfaceName) => Describe(BusInterfaces.ReadXml(interfaceName));

    private static List<string> Describe(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var node = XDocument.Load(reader).Root!;
        Assert.That(node.Name.LocalName, Is.EqualTo("node"));
        return node.Elements("interface")
            .Where(iface => !Standard.Contains(Name(iface)))
            .SelectMany(iface => iface.Elements().Where(member => member.Name != "annotation").Select(member => $"{Name(iface)} {Member(member)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Member(XElement member) => member.Name.LocalName switch
    {
        "method" => $"method {Name(member)}({Args(member, arg => $"{arg.Attribute("direction")?.Value ?? "in"} ")})",
        "signal" => $"signal {Name(member)}({Args(member, _ => "")})",
        "property" => $"property {Name(member)} {member.Attribute("type")?.Value} {member.Attribute("access")?.Value}",
        var other => $"unexpected element <{other}>",
    };

    private static string Args(XElement member, Func<XElement, string> direction) =>
        string.Join(", ", member.Elements("arg").Select(arg => $"{direction(arg)}{arg.Attribute("type")?.Value} {arg.Attribute("name")?.Value}"));

    private static string Name(XElement element) => element.Attribute("name")?.Value ?? "";
}
