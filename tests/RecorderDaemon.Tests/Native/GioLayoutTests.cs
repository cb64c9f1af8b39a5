using NUnit.Framework;
using RecorderDaemon.Native;
using Gio = RecorderDaemon.Native.Interop.Gio;

namespace RecorderDaemon.Tests.Native;

/// <summary>The hand-written Gio structs against their C layout on LP64 (gdbusintrospection.h, gdbusconnection.h).</summary>
[TestFixture]
public sealed unsafe class GioLayoutTests
{
    [Test]
    public void InterfaceVTableIsThreeCallbacksThenEightPaddingPointers()
    {
        Gio.GDBusInterfaceVTable vtable;
        var start = (byte*)&vtable;

        Assert.That(sizeof(Gio.GDBusInterfaceVTable), Is.EqualTo(88));
        Assert.That((byte*)&vtable.MethodCall - start, Is.EqualTo(0));
        Assert.That((byte*)&vtable.GetProperty - start, Is.EqualTo(8));
        Assert.That((byte*)&vtable.SetProperty - start, Is.EqualTo(16));
        Assert.That((byte*)&vtable.Padding - start, Is.EqualTo(24));
    }

    [Test]
    public void InterfaceInfoLayout()
    {
        Gio.GDBusInterfaceInfo info;
        var start = (byte*)&info;

        Assert.That(sizeof(Gio.GDBusInterfaceInfo), Is.EqualTo(48));
        Assert.That((byte*)&info.Name - start, Is.EqualTo(8));
        Assert.That((byte*)&info.Methods - start, Is.EqualTo(16));
        Assert.That((byte*)&info.Signals - start, Is.EqualTo(24));
        Assert.That((byte*)&info.Properties - start, Is.EqualTo(32));
        Assert.That((byte*)&info.Annotations - start, Is.EqualTo(40));
    }

    [Test]
    public void MethodArgAndPropertyInfoLayouts()
    {
        Gio.GDBusMethodInfo method;
        Gio.GDBusArgInfo arg;
        Gio.GDBusPropertyInfo property;

        Assert.That(sizeof(Gio.GDBusMethodInfo), Is.EqualTo(40));
        Assert.That((byte*)&method.Name - (byte*)&method, Is.EqualTo(8));
        Assert.That((byte*)&method.InArgs - (byte*)&method, Is.EqualTo(16));
        Assert.That((byte*)&method.OutArgs - (byte*)&method, Is.EqualTo(24));
        Assert.That(sizeof(Gio.GDBusArgInfo), Is.EqualTo(32));
        Assert.That((byte*)&arg.Name - (byte*)&arg, Is.EqualTo(8));
        Assert.That((byte*)&arg.Signature - (byte*)&arg, Is.EqualTo(16));
        Assert.That(sizeof(Gio.GDBusPropertyInfo), Is.EqualTo(40));
        Assert.That((byte*)&property.Name - (byte*)&property, Is.EqualTo(8));
        Assert.That((byte*)&property.Signature - (byte*)&property, Is.EqualTo(16));
        Assert.That((byte*)&property.Flags - (byte*)&property, Is.EqualTo(24));
        Assert.That((byte*)&property.Annotations - (byte*)&property, Is.EqualTo(32));
    }

    [Test]
    public void InterfaceInfoReadsSignaturesThroughTheLayout()
    {
        using var node = DBusNodeInfo.FromXml(TestObject.Xml);
        using var iface = node.LookupInterface(TestObject.Interface);

        Assert.That(iface.Name, Is.EqualTo(TestObject.Interface));
        Assert.That(iface.ReplySignatures["Echo"], Is.EqualTo("(s)"));
        Assert.That(iface.ReplySignatures["Nope"], Is.EqualTo("()"));
        Assert.That(iface.PropertySignatures["Mistyped"], Is.EqualTo("u"));
        Assert.That(iface.PropertySignatures.Keys, Is.EquivalentTo(new[] { "Version", "Missing", "Mistyped", "Writable" }));
    }
}
