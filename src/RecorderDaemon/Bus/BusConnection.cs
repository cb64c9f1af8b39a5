using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// recorderd's connection to its bus (Tmds.DBus.Protocol): serving objects, emitting signals, calling the bus
/// and polkit, owning the service name. Thread-safe; what arrives from the bus arrives on Tmds's receive loop.
/// </summary>
public sealed class BusConnection : IDisposable
{
    private const string Bus = "org.freedesktop.DBus";
    private const string BusPath = "/org/freedesktop/DBus";

    private readonly DBusConnection _connection;

    private BusConnection(DBusConnection connection) => _connection = connection;

    public string UniqueName => _connection.UniqueName ?? "";

    /// <summary>Completes when the connection has closed (the bus went away, or it was disposed).</summary>
    public Task Closed => _connection.DisconnectedAsync();

    public bool IsClosed => Closed.IsCompleted;

    /// <param name="address">a D-Bus address; null for the system or session bus</param>
    /// <exception cref="InvalidOperationException">no address is known for the bus</exception>
    /// <exception cref="DBusConnectionException">the bus cannot be reached</exception>
    public static async Task<BusConnection> ConnectAsync(string? address, bool systemBus)
    {
        address ??= (systemBus ? DBusAddress.System : DBusAddress.Session)
            ?? throw new InvalidOperationException("no session bus address: DBUS_SESSION_BUS_ADDRESS is not set");
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            return new BusConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Hands every incoming method call to <paramref name="objects"/>.</summary>
    public void Serve(IPathMethodHandler objects) => _connection.AddMethodHandler(objects);

    /// <summary>Emits a signal to everyone listening; on a closed connection it is dropped.</summary>
    public void EmitSignal(string path, string iface, string member, BusBody? body = null)
    {
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(null, path, iface, member, body?.Signature);
            body?.Write(ref writer);
            _connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Calls a method of another service; the caller goes on off Tmds's receive loop, so it may block.</summary>
    /// <exception cref="DBusErrorReplyException">the callee answered with an error</exception>
    /// <exception cref="DBusConnectionException">the connection closed</exception>
    /// <exception cref="TimeoutException">no answer within <paramref name="timeout"/></exception>
    public async Task<T> CallAsync<T>(string destination, string path, string iface, string member, BusBody? arguments, MessageValueReader<T> readReply, TimeSpan timeout)
    {
        try
        {
            return await Send(destination, path, iface, member, arguments, readReply).WaitAsync(timeout).ConfigureAwait(false);
        }
        finally
        {
            // Tmds completes a call on the connection's receive loop; whatever the caller does next must not hold up every call to recorderd.
            await Task.Yield();
        }
    }

    /// <summary>
    /// Owns <paramref name="name"/>, neither queueing behind another owner nor letting one replace this
    /// connection: the name is lost only with the connection.
    /// </summary>
    /// <exception cref="InvalidOperationException">the name is owned already, or the bus's policy refuses it</exception>
    public async Task OwnNameAsync(string name)
    {
        try
        {
            await _connection.RequestNameAsync(name, RequestNameOptions.None).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException error) when (error.ErrorName == "org.freedesktop.DBus.Error.NameExists")
        {
            throw new InvalidOperationException($"the name {name} is owned by another process (or connection) on the bus", error);
        }
        catch (DBusErrorReplyException error) when (error.ErrorName == "org.freedesktop.DBus.Error.AccessDenied")
        {
            throw new InvalidOperationException($"the bus refused the name {name}: its policy does not let this user own it", error);
        }
    }

    public Task ReleaseNameAsync(string name) => _connection.ReleaseNameAsync(name);

    /// <summary>Calls <paramref name="onLeft"/> with the unique name of each connection that leaves the bus, on the receive loop.</summary>
    public Task<IDisposable> WatchConnectionsLeavingAsync(Action<string> onLeft) =>
        WatchNameOwnersAsync(change => change.Name.StartsWith(':') && change.NewOwner.Length == 0, change => onLeft(change.Name));

    /// <summary>Calls <paramref name="onChange"/>, on the receive loop, with each change of a name's owner that <paramref name="wanted"/> picks.</summary>
    public Task<IDisposable> WatchNameOwnersAsync(Func<NameOwnerChange, bool> wanted, Action<NameOwnerChange> onChange) => WatchAsync(
        new MatchRule { Type = MessageType.Signal, Sender = Bus, Path = BusPath, Interface = Bus, Member = "NameOwnerChanged" },
        (message, _) =>
        {
            var reader = message.GetBodyReader();
            var (name, _, newOwner) = (reader.ReadString(), reader.ReadString(), reader.ReadString());
            var change = new NameOwnerChange(name, newOwner);
            return wanted(change) ? change : null;
        },
        onChange);

    /// <summary>
    /// Calls <paramref name="onSignal"/> on the receive loop with what <paramref name="read"/> makes of each signal matching
    /// <paramref name="rule"/>, except nulls, until the result is disposed; the match is in place when the task completes.
    /// </summary>
    public async Task<IDisposable> WatchAsync<T>(MatchRule rule, MessageValueReader<T?> read, Action<T> onSignal)
        where T : class => await _connection.AddMatchAsync(
            rule,
            read,
            notification =>
            {
                if (notification is { HasValue: true, Value: { } value })
                {
                    onSignal(value);
                }
            },
            emitOnCapturedContext: false).ConfigureAwait(false);

    public void Dispose() => _connection.Dispose();

    private Task<T> Send<T>(string destination, string path, string iface, string member, BusBody? arguments, MessageValueReader<T> readReply)
    {
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(destination, path, iface, member, arguments?.Signature);
            arguments?.Write(ref writer);
            return _connection.CallMethodAsync(writer.CreateMessage(), readReply);
        }
        finally
        {
            writer.Dispose();
        }
    }
}

/// <summary>A name's new owner, the unique name of a connection; empty when nobody owns it now.</summary>
public sealed record NameOwnerChange(string Name, string NewOwner);
