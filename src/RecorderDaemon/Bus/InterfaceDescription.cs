using System.Text;
using System.Xml.Linq;

namespace RecorderDaemon.Bus;

/// <summary>
/// One interface of the checked-in introspection XML: what calls it accepts, which properties it has, and
/// its XML as served by <c>Introspect</c>. The XML is the contract; the daemon checks calls against it.
/// </summary>
public sealed class InterfaceDescription
{
    private InterfaceDescription(XElement element)
    {
        Name = (string)element.Attribute("name")!;
        var served = new XElement(element);
        served.DescendantNodes().OfType<XComment>().Remove();
        Xml = Encoding.UTF8.GetBytes(served.ToString(SaveOptions.DisableFormatting));
        Methods = element.Elements("method").ToDictionary(
            method => (string)method.Attribute("name")!,
            method => Signature(method.Elements("arg").Where(arg => (string?)arg.Attribute("direction") is null or "in")),
            StringComparer.Ordinal);
        Properties = element.Elements("property").ToDictionary(
            property => (string)property.Attribute("name")!,
            property => (string)property.Attribute("type")!,
            StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>The <c>&lt;interface&gt;</c> element, UTF-8, for introspection replies.</summary>
    public ReadOnlyMemory<byte> Xml { get; }

    /// <summary>Each method's input signature ("" for none).</summary>
    public IReadOnlyDictionary<string, string> Methods { get; }

    /// <summary>Each property's type.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Every interface of an introspection document, by name.</summary>
    public static IReadOnlyDictionary<string, InterfaceDescription> Parse(string xml) =>
        XDocument.Parse(xml).Root!.Elements("interface").Select(element => new InterfaceDescription(element)).ToDictionary(i => i.Name, StringComparer.Ordinal);

    private static string Signature(IEnumerable<XElement> args) => string.Concat(args.Select(arg => (string)arg.Attribute("type")!));
}
