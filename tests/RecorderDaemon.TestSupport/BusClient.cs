using Tmds.DBus.Protocol;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A connection of this process to a bus (Tmds.DBus.Protocol), to watch names, make calls with any arguments (also
/// deliberately wrong ones) and watch signals. Replies and signals are read on the connection's receive loop.
/// </summary>
public sealed class BusClient : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private BusClient(string address, DBusConnection connection)
    {
        Address = address;
        Connection = connection;
    }

    public string Address { get; }

    public string UniqueName => Connection.UniqueName ?? throw new InvalidOperationException("not connected");

    private DBusConnection Connection { get; }

    public static async Task<BusClient> ConnectAsync(string address)
    {
        var connection = new DBusConnection(address);
        try
        {
            await OffTheReceiveLoopAsync(connection.ConnectAsync().AsTask());
            return new BusClient(address, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="name"/> has an owner (<c>NameHasOwner</c>, which never activates a service).</summary>
    public Task<bool> NameHasOwnerAsync(string name) =>
        CallAsync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", [name], Replies.Bool);

    /// <summary>
    /// Calls <paramref name="member"/> with <paramref name="arguments"/> as the body, in order and each as its own type
    /// (see <see cref="MessageArguments"/>), and reads the reply with <paramref name="readReply"/>.
    /// </summary>
    /// <exception cref="DBusErrorReplyException">the call was answered with a D-Bus error</exception>
    /// <exception cref="TimeoutException">no reply within 30 s</exception>
    public Task<T> CallAsync<T>(
        string destination, string path, string iface, string member, IReadOnlyList<VariantValue> arguments, MessageValueReader<T> readReply) =>
        OffTheReceiveLoopAsync(Connection.CallMethodAsync(CreateCall(destination, path, iface, member, arguments), readReply));

    /// <inheritdoc cref="CallAsync{T}"/>
    public Task CallAsync(string destination, string path, string iface, string member, IReadOnlyList<VariantValue> arguments) =>
        OffTheReceiveLoopAsync(Connection.CallMethodAsync(CreateCall(destination, path, iface, member, arguments)));

    /// <summary>
    /// Serves <paramref name="handler"/>'s object on this connection and owns <paramref name="name"/>, as a service does. The handler
    /// runs on the receive loop: it must answer without blocking and throw nothing (an exception ends the connection).
    /// </summary>
    /// <exception cref="DBusErrorReplyException">the name has another owner, or the bus's policy does not let this connection own it</exception>
    public async Task ServeAsync(IPathMethodHandler handler, string name)
    {
        Connection.AddMethodHandler(handler);
        await OffTheReceiveLoopAsync(Connection.RequestNameAsync(name));
    }

    /// <summary>
    /// Calls <paramref name="onSignal"/> with what <paramref name="read"/> makes of each signal matching <paramref name="rule"/>, in
    /// arrival order and on the receive loop (so it must not block), until the result is disposed. The match is in place on the
    /// bus when the task completes.
    /// </summary>
    public Task<IDisposable> WatchSignalsAsync<T>(MatchRule rule, MessageValueReader<T> read, Action<T> onSignal) =>
        OffTheReceiveLoopAsync(Connection.AddMatchAsync(
            rule,
            read,
            notification =>
            {
                if (notification.HasValue)
                {
                    onSignal(notification.Value);
                }
            },
            emitOnCapturedContext: false).AsTask());

    /// <summary>Emits a signal from this connection, e.g. as the service a test plays would; its arguments are written as <see cref="CallAsync{T}"/>'s.</summary>
    public void EmitSignal(string path, string iface, string member, IReadOnlyList<VariantValue> arguments)
    {
        var writer = Connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(null, path, iface, member, MessageArguments.Signature(arguments));
            foreach (var argument in arguments)
            {
                MessageArguments.Write(ref writer, argument);
            }

            Connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    public void Dispose() => Connection.Dispose();

    /// <summary>
    /// Awaits <paramref name="operation"/> (at most 30 s), then leaves the receive loop: Tmds completes replies there, and runs what
    /// awaits them inline, so a caller that then blocks (on a child process, say) would stop every reply and call of the connection.
    /// </summary>
    private static async Task<T> OffTheReceiveLoopAsync<T>(Task<T> operation)
    {
        try
        {
            return await operation.WaitAsync(CallTimeout).ConfigureAwait(false);
        }
        finally
        {
            await Task.Yield();
        }
    }

    /// <inheritdoc cref="OffTheReceiveLoopAsync{T}"/>
    private static async Task OffTheReceiveLoopAsync(Task operation)
    {
        try
        {
            await operation.WaitAsync(CallTimeout).ConfigureAwait(false);
        }
        finally
        {
            await Task.Yield();
        }
    }

    private MessageBuffer CreateCall(string destination, string path, string iface, string member, IReadOnlyList<VariantValue> arguments)
    {
        var writer = Connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(destination, path, iface, member, MessageArguments.Signature(arguments));
            foreach (var argument in arguments)
            {
                MessageArguments.Write(ref writer, argument);
            }

            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }
}
