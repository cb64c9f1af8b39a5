using NUnit.Framework;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class DBusNodeInfoTests
{
    [Test]
    public void MalformedXmlThrowsTheParserError()
    {
        var error = Assert.Throws<GLibException>(() => DBusNodeInfo.FromXml("<node><interface name='a.B'>"));

        Assert.That(error!.Domain, Is.EqualTo("g-markup-error-quark"));
    }

    [Test]
    public void AnUnknownInterfaceIsNamed()
    {
        using var node = DBusNodeInfo.FromXml(TestObject.Xml);

        var error = Assert.Throws<KeyNotFoundException>(() => node.LookupInterface("com.example.Absent"));
        Assert.That(error!.Message, Does.Contain("com.example.Absent"));
    }
}
