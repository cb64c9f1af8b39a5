using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Native;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// CreateRecorder's <c>pipewireRemote</c>: the test, as a client that did its own portal handshake would, opens its own
/// connection to PipeWire, passes it, and has a screen (a <c>Video/Source</c> node a test pattern provides) recorded
/// through it by node id.
/// </summary>
[TestFixture]
public sealed class PipeWireRemoteTests : HeadlessPipeWireFixture
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly TimeSpan Recorded = TimeSpan.FromSeconds(2);

    [Test]
    public void AScreenNodeIsRecordedThroughTheClientsConnectionForItsWholeDuration()
    {
        using var daemon = new DaemonProcess();
        using var screen = StartVirtualScreen("recorderd-test-screen", 320, 240, pattern: "ball");
        using var remote = ConnectToPipeWire();
        var location = Path.Combine(daemon.Directory, "screen.webm");
        var path = daemon.CreateRecorder([$"pipewire:{screen.Id}"],
            ("pipewireRemote", Descriptor(remote)), ("location", location), ("mimeType", "video/webm;codecs=vp8"));

        var sinceStart = Stopwatch.StartNew();
        daemon.CallRecorder(path, "Start", [0u]);
        // BytesWritten is refreshed once a second: it says the recording runs, not since when.
        Poll.Until(() => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0, "the recording to start", TimeSpan.FromSeconds(10));
        Thread.Sleep(Recorded);
        daemon.CallRecorder(path, "Stop");
        var atMost = sinceStart.Elapsed;

        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
            Assert.That(info.Duration, Is.InRange(Recorded - TimeSpan.FromSeconds(0.2), atMost + TimeSpan.FromSeconds(0.2)), "every frame, not one");
            Assert.That(daemon.RecorderState(path), Is.EqualTo("inactive"));
        });
    }

    [Test]
    public void AnFdThatIsNotAPipeWireConnectionIsNotSupportedErrorAndLeavesNoFile()
    {
        using var daemon = new DaemonProcess();
        using var notASocket = File.OpenHandle(Path.Combine(daemon.Directory, "plain-file"), FileMode.Create, FileAccess.ReadWrite);
        var location = Path.Combine(daemon.Directory, "never.webm");

        var error = DaemonProcess.ErrorOf(() => daemon.CreateRecorder(["pipewire:42"],
            ("pipewireRemote", VariantValue.UnixFd(notASocket)), ("location", location)));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        Assert.That(error.ErrorMessage, Does.Contain("pipewireRemote"));
        Assert.That(File.Exists(location), Is.False);
    }

    [Test]
    public void ANodeNameInsteadOfTheNodeIdIsInvalidArgs()
    {
        using var daemon = new DaemonProcess();
        using var remote = ConnectToPipeWire();

        var error = DaemonProcess.ErrorOf(() => daemon.CreateRecorder([$"pipewire:{ToneNode}"], ("pipewireRemote", Descriptor(remote))));

        Assert.That(error.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        Assert.That(error.ErrorMessage, Does.Contain("node id"));
    }

    /// <summary>The socket as an <c>h</c>: Tmds.DBus sends Unix fds held as SafeFileHandles.</summary>
    private static VariantValue Descriptor(Socket socket) => VariantValue.UnixFd(new SafeFileHandle(socket.Handle, ownsHandle: false));

    /// <summary>What the portal's OpenPipeWireRemote gives a client: a connection to the PipeWire server.</summary>
    private Socket ConnectToPipeWire()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(Path.Combine(Variables["PIPEWIRE_RUNTIME_DIR"], "pipewire-0")));
        return socket;
    }
}
