using System.Runtime.InteropServices;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>Every hand-written struct must match the C layout on 64-bit Linux (glib/gstreamer/glibc headers).</summary>
[TestFixture]
public sealed class NativeLayoutTests
{
    [Test]
    public void GErrorMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GLib.GError>(), Is.EqualTo(16));
        Assert.That(Offset<Interop.GLib.GError>("Code"), Is.EqualTo(4));
        Assert.That(Offset<Interop.GLib.GError>("Message"), Is.EqualTo(8));
    }

    [Test]
    public void GListMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GLib.GList>(), Is.EqualTo(24));
        Assert.That(Offset<Interop.GLib.GList>("Next"), Is.EqualTo(8));
        Assert.That(Offset<Interop.GLib.GList>("Prev"), Is.EqualTo(16));
    }

    [Test]
    public void GValueArrayMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GObject.GValueArray>(), Is.EqualTo(24));
        Assert.That(Offset<Interop.GObject.GValueArray>("Values"), Is.EqualTo(8));
        Assert.That(Offset<Interop.GObject.GValueArray>("NPrealloced"), Is.EqualTo(16));
    }

    [Test]
    public void GValueMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GObject.GValue>(), Is.EqualTo(24));
        Assert.That(Offset<Interop.GObject.GValue>("Data0"), Is.EqualTo(8));
    }

    [Test]
    public void GSignalQueryMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GObject.GSignalQuery>(), Is.EqualTo(56));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("SignalName"), Is.EqualTo(8));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("IType"), Is.EqualTo(16));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("SignalFlags"), Is.EqualTo(24));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("ReturnType"), Is.EqualTo(32));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("NParams"), Is.EqualTo(40));
        Assert.That(Offset<Interop.GObject.GSignalQuery>("ParamTypes"), Is.EqualTo(48));
    }

    [Test]
    public void GstMiniObjectAndMessageHeadMatchTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.Gst.GstMiniObject>(), Is.EqualTo(64));
        Assert.That(Offset<Interop.Gst.GstMiniObject>("RefCount"), Is.EqualTo(8));
        Assert.That(Offset<Interop.Gst.GstMiniObject>("Flags"), Is.EqualTo(16));
        Assert.That(Offset<Interop.Gst.GstMiniObject>("Copy"), Is.EqualTo(24));
        Assert.That(Offset<Interop.Gst.GstMiniObject>("PrivUint"), Is.EqualTo(48));
        Assert.That(Offset<Interop.Gst.GstMiniObject>("PrivPointer"), Is.EqualTo(56));
        Assert.That(Offset<Interop.Gst.GstMessage>("Type"), Is.EqualTo(64));
        Assert.That(Offset<Interop.Gst.GstMessage>("Timestamp"), Is.EqualTo(72));
        Assert.That(Offset<Interop.Gst.GstMessage>("Source"), Is.EqualTo(80));
        Assert.That(Offset<Interop.Gst.GstMessage>("SequenceNumber"), Is.EqualTo(88));
    }

    [Test]
    public void GstBufferHeadMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.Gst.GstBuffer>(), Is.EqualTo(112));
        Assert.That(Offset<Interop.Gst.GstBuffer>("Pool"), Is.EqualTo(64));
        Assert.That(Offset<Interop.Gst.GstBuffer>("Pts"), Is.EqualTo(72));
        Assert.That(Offset<Interop.Gst.GstBuffer>("Dts"), Is.EqualTo(80));
        Assert.That(Offset<Interop.Gst.GstBuffer>("Duration"), Is.EqualTo(88));
        Assert.That(Offset<Interop.Gst.GstBuffer>("Offset"), Is.EqualTo(96));
        Assert.That(Offset<Interop.Gst.GstBuffer>("OffsetEnd"), Is.EqualTo(104));
    }

    [Test]
    public void GstAppSinkCallbacksMatchTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.GstApp.GstAppSinkCallbacks>(), Is.EqualTo(56));
        Assert.That(Offset<Interop.GstApp.GstAppSinkCallbacks>("NewPreroll"), Is.EqualTo(8));
        Assert.That(Offset<Interop.GstApp.GstAppSinkCallbacks>("NewSample"), Is.EqualTo(16));
        Assert.That(Offset<Interop.GstApp.GstAppSinkCallbacks>("NewEvent"), Is.EqualTo(24));
        Assert.That(Offset<Interop.GstApp.GstAppSinkCallbacks>("Reserved0"), Is.EqualTo(32));
        Assert.That(Offset<Interop.GstApp.GstAppSinkCallbacks>("Reserved2"), Is.EqualTo(48));
    }

    [Test]
    public void GroupMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.Libc.Group>(), Is.EqualTo(32));
        Assert.That(Offset<Interop.Libc.Group>("Password"), Is.EqualTo(8));
        Assert.That(Offset<Interop.Libc.Group>("Gid"), Is.EqualTo(16));
        Assert.That(Offset<Interop.Libc.Group>("Members"), Is.EqualTo(24));
    }

    [Test]
    public void PasswdMatchesTheCLayout()
    {
        Assert.That(Marshal.SizeOf<Interop.Libc.Passwd>(), Is.EqualTo(48));
        Assert.That(Offset<Interop.Libc.Passwd>("Uid"), Is.EqualTo(16));
        Assert.That(Offset<Interop.Libc.Passwd>("Gid"), Is.EqualTo(20));
        Assert.That(Offset<Interop.Libc.Passwd>("Directory"), Is.EqualTo(32));
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
