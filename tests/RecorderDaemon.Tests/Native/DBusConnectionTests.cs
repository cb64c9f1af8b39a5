using System.Collections.Concurrent;
using System.Diagnostics;
using NUnit.Framework;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>A <see cref="TestObject"/> served on a private bus, called from a second connection and from busctl.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DBusConnectionTests
{
    private const string Name = "com.example.Test";
    private const string ObjectPath = "/com/example/Test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<Exception> _callbackErrors = new();
    private PrivateBus _bus = null!;
    private GLibLoop _loop = null!;
    private DBusConnection _server = null!;
    private DBusConnection _client = null!;
    private DBusNameOwnership _name = null!;
    private DBusObjectRegistration _registration = null!;
    private TestObject _object = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        NativeCallbackErrors.Unhandled += _callbackErrors.Enqueue;
        _bus = new PrivateBus();
        _loop = new GLibLoop("dbus-tests");
        _server = DBusConnection.ForAddress(_loop, _bus.Address);
        _client = DBusConnection.ForAddress(_loop, _bus.Address);
        _object = new TestObject();
        using var node = DBusNodeInfo.FromXml(TestObject.Xml);
        using var iface = node.LookupInterface(TestObject.Interface);
        _registration = await _loop.InvokeAsync(() => _server.RegisterObject(ObjectPath, iface, _object));
        _name = await _server.OwnNameAsync(_loop, Name);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _registration.Dispose();
        await _name.DisposeAsync();
        _client.Dispose();
        _server.Dispose();
        _loop.Dispose();
        _bus.Dispose();
        NativeCallbackErrors.Unhandled -= _callbackErrors.Enqueue;
    }

    [SetUp]
    public void ForgetCallbackErrors() => _callbackErrors.Clear();

    [Test]
    public async Task EchoRoundTripsBetweenConnections()
    {
        var reply = await CallAsync("Echo", GVariant.Tuple(GVariant.String("hello")), "(s)");

        Assert.That(reply.GetChild(0).GetString(), Is.EqualTo("hello"));
        Assert.That(_server.UniqueName, Does.StartWith(":"));
    }

    [Test]
    public void EchoAnswersBusctl()
    {
        var output = Busctl("call", Name, ObjectPath, TestObject.Interface, "Echo", "s", "from busctl");

        Assert.That(output.Trim(), Is.EqualTo("s \"from busctl\""));
    }

    [Test]
    public void ACustomErrorReachesTheCallerByName()
    {
        var error = Assert.ThrowsAsync<DBusErrorException>(() => CallAsync("Nope", null, null));

        Assert.That(error!.ErrorName, Is.EqualTo("com.example.Error.Nope"));
        Assert.That(error.Message, Is.EqualTo("nope, not today"));
    }

    [Test]
    public async Task AHandlerExceptionBecomesFailedAndTheObjectKeepsServing()
    {
        var error = Assert.ThrowsAsync<DBusErrorException>(() => CallAsync("Throw", null, null));

        Assert.That(error!.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.Failed"));
        Assert.That(error.Message, Is.EqualTo("the handler broke"));
        Assert.That(_callbackErrors.Single().Message, Is.EqualTo("the handler broke"));
        Assert.That((await CallAsync("Echo", GVariant.Tuple(GVariant.String("still here")), "(s)")).GetChild(0).GetString(), Is.EqualTo("still here"));
    }

    [Test]
    public async Task AReplyMayComeLaterFromAnotherThread()
    {
        var reply = await CallAsync("ReplyLater", GVariant.Tuple(GVariant.UInt32(41)), "(u)");

        Assert.That(reply.GetChild(0).GetUInt32(), Is.EqualTo(42u));
    }

    [Test]
    public async Task ASecondReplyThrowsAndTheFirstOneCounts()
    {
        var reply = await CallAsync("ReplyTwice", null, "()");

        Assert.That(reply.ChildCount, Is.Zero);
        Assert.That(_object.SecondReplyFailure, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void AMistypedReplyIsRefusedAndAnsweredWithFailed()
    {
        var error = Assert.ThrowsAsync<DBusErrorException>(() => CallAsync("ReplyWrongType", null, null));

        Assert.That(error!.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.Failed"));
        Assert.That(error.Message, Does.Contain("replies '(s)', not '(u)'"));
    }

    [Test]
    public async Task PropertiesGetReturnsTheHandlersValue()
    {
        var reply = await PropertiesAsync("Get", GVariant.Tuple(GVariant.String(TestObject.Interface), GVariant.String("Version")));

        Assert.That(reply.GetChild(0).Unbox().GetString(), Is.EqualTo("1.0"));
        Assert.That(Busctl("get-property", Name, ObjectPath, TestObject.Interface, "Version").Trim(), Is.EqualTo("s \"1.0\""));
    }

    [Test]
    public async Task PropertiesGetAllSkipsPropertiesWithoutAValue()
    {
        var reply = await PropertiesAsync("GetAll", GVariant.Tuple(GVariant.String(TestObject.Interface)));

        var all = reply.GetChild(0).ToVariantDictionary();
        Assert.That(all.Keys, Is.EquivalentTo(new[] { "Version", "Writable" }));
    }

    [Test]
    public void PropertyFailuresBecomeDBusErrors()
    {
        var missing = Assert.ThrowsAsync<DBusErrorException>(() =>
            PropertiesAsync("Get", GVariant.Tuple(GVariant.String(TestObject.Interface), GVariant.String("Missing"))));
        var mistyped = Assert.ThrowsAsync<DBusErrorException>(() =>
            PropertiesAsync("Get", GVariant.Tuple(GVariant.String(TestObject.Interface), GVariant.String("Mistyped"))));
        var writable = Assert.ThrowsAsync<DBusErrorException>(() => PropertiesAsync("Set",
            GVariant.Tuple(GVariant.String(TestObject.Interface), GVariant.String("Writable"), GVariant.Variant(GVariant.String("x")))));
        var readOnly = Assert.ThrowsAsync<DBusErrorException>(() => PropertiesAsync("Set",
            GVariant.Tuple(GVariant.String(TestObject.Interface), GVariant.String("Version"), GVariant.Variant(GVariant.String("x")))));

        Assert.Multiple(() =>
        {
            Assert.That((missing!.ErrorName, missing.Message), Is.EqualTo(("org.freedesktop.DBus.Error.InvalidArgs", "no such property 'Missing'")));
            Assert.That(mistyped!.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.Failed"));
            Assert.That(mistyped.Message, Does.Contain("is 'u' but its getter returned 's'"));
            Assert.That((writable!.ErrorName, writable.Message),
                Is.EqualTo(("org.freedesktop.DBus.Error.PropertyReadOnly", "property 'Writable' is read-only")));
            Assert.That(readOnly!.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        });
    }

    [Test]
    public async Task IntrospectionListsTheInterface()
    {
        var reply = await _client.CallAsync(
            _loop, Name, ObjectPath, "org.freedesktop.DBus.Introspectable", "Introspect", null, "(s)", Timeout);

        var xml = reply.GetChild(0).GetString();
        Assert.That(xml, Does.Contain("<interface name=\"com.example.Test1\">"));
        Assert.That(xml, Does.Contain("<method name=\"Echo\">"));
        Assert.That(xml, Does.Contain("<signal name=\"Pinged\">"));
    }

    [Test]
    public async Task AnEmittedSignalArrivesAtASubscriber()
    {
        var received = new TaskCompletionSource<DBusSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = await _loop.InvokeAsync(() =>
            _client.SubscribeSignal(Name, TestObject.Interface, "Pinged", ObjectPath, signal => received.TrySetResult(signal)));
        // A round trip on the subscribing connection: the bus has then seen its AddMatch.
        await _client.CallAsync(_loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId", null, "(s)", Timeout);

        _server.EmitSignal(null, ObjectPath, TestObject.Interface, "Pinged", GVariant.Tuple(GVariant.UInt32(7)));

        var signal = await received.Task.WaitAsync(Timeout);
        Assert.That((signal.Sender, signal.Path, signal.Interface, signal.Member),
            Is.EqualTo((_server.UniqueName, ObjectPath, TestObject.Interface, "Pinged")));
        Assert.That(signal.Parameters.GetChild(0).GetUInt32(), Is.EqualTo(7u));
    }

    [Test]
    public void CallingAnAbsentServiceFailsWithTheBusError()
    {
        var error = Assert.ThrowsAsync<DBusErrorException>(() =>
            _client.CallAsync(_loop, "com.example.Absent", "/", "com.example.Absent", "Do", null, null, Timeout));

        Assert.That(error!.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.ServiceUnknown"));
    }

    [Test]
    public void RegisteringOffTheLoopThreadOrTwiceFails()
    {
        using var node = DBusNodeInfo.FromXml(TestObject.Xml);
        using var iface = node.LookupInterface(TestObject.Interface);

        Assert.Throws<InvalidOperationException>(() => _server.RegisterObject("/com/example/Other", iface, new TestObject()));
        var twice = Assert.ThrowsAsync<GLibException>(() => _loop.InvokeAsync(() => _server.RegisterObject(ObjectPath, iface, new TestObject())));
        Assert.That(twice!.Message, Does.Contain("already exported"));
    }

    private Task<GVariant> CallAsync(string method, GVariant? parameters, string? replyType) =>
        _client.CallAsync(_loop, Name, ObjectPath, TestObject.Interface, method, parameters, replyType, Timeout);

    private Task<GVariant> PropertiesAsync(string method, GVariant parameters) =>
        _client.CallAsync(_loop, Name, ObjectPath, "org.freedesktop.DBus.Properties", method, parameters, null, Timeout);

    private string Busctl(params string[] arguments)
    {
        var start = new ProcessStartInfo("busctl", [$"--address={_bus.Address}", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var busctl = Process.Start(start)!;
        var output = busctl.StandardOutput.ReadToEndAsync();
        var errors = busctl.StandardError.ReadToEndAsync();
        Assert.That(busctl.WaitForExit(Timeout), Is.True, "busctl hung");
        Assert.That(busctl.ExitCode, Is.Zero, errors.Result);
        return output.Result;
    }
}
