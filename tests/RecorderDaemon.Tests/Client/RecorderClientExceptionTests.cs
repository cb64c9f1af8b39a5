using RecorderDaemon.Client;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Client;

[TestFixture]
public sealed class RecorderClientExceptionTests
{
    private const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";

    [Test]
    public void ADaemonErrorCarriesItsDomExceptionName()
    {
        var error = RecorderClientException.FromDBusError(
            new DBusErrorReplyException("io.github.recorderd.Error.InvalidStateError", "the recorder is inactive"));

        Assert.That((error.ErrorName, error.DomExceptionName, error.Message), Is.EqualTo(
            ("io.github.recorderd.Error.InvalidStateError", "InvalidStateError", "the recorder is inactive")));
        Assert.That(error.InnerException, Is.InstanceOf<DBusErrorReplyException>());
    }

    [Test]
    public void OtherErrorsHaveNoDomExceptionName()
    {
        var error = RecorderClientException.FromDBusError(new DBusErrorReplyException(InvalidArgs, "unknown option 'x'"));

        Assert.That((error.ErrorName, error.DomExceptionName), Is.EqualTo((InvalidArgs, (string?)null)));
    }

    [Test]
    [NonParallelizable]
    public async Task ACallToAnAbsentDaemonFailsWithTheBusErrorName()
    {
        using var bus = new PrivateBus();
        await using var client = await RecorderClient.ConnectAsync(bus.Address);

        var error = Assert.ThrowsAsync<RecorderClientException>(() => client.IsTypeSupportedAsync("audio/ogg"));

        Assert.That((error!.ErrorName, error.DomExceptionName), Is.EqualTo(("org.freedesktop.DBus.Error.ServiceUnknown", (string?)null)));
    }

    [Test]
    [NonParallelizable]
    public async Task ACallTheDaemonNeverAnswersFailsWithNoReplyAtItsTimeout()
    {
        using var daemon = await SilentDaemon.StartAsync();
        await using var client = await RecorderClient.ConnectAsync(daemon.Address);

        var error = Assert.ThrowsAsync<RecorderClientException>(() => CallWithTimeoutAsync(client, TimeSpan.FromMilliseconds(300)));

        Assert.That((error!.ErrorName, error.Message), Is.EqualTo((RecorderClientException.NoReply, "no reply within 0.3 s")));
    }

    [Test]
    [NonParallelizable]
    public async Task CancellingEndsTheWaitForACallTheDaemonNeverAnswers()
    {
        using var daemon = await SilentDaemon.StartAsync();
        await using var client = await RecorderClient.ConnectAsync(daemon.Address);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.CatchAsync<OperationCanceledException>(() => client.EnumerateDevicesAsync(cancellation.Token));
    }

    private static Task CallWithTimeoutAsync(RecorderClient client, TimeSpan timeout)
    {
        using var writer = client.Bus.StartCall(RecorderBus.ManagerPath, RecorderBus.ManagerInterface, "EnumerateDevices");
        return client.Bus.CallAsync(writer.CreateMessage(), static (_, _) => true, CancellationToken.None, timeout);
    }
}
