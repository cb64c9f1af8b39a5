using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

/// <summary>
/// The client's bus connection: the one place where calls and subscriptions get their deadline and
/// cancellation, where failures become <see cref="RecorderClientException"/> or
/// <see cref="RecorderConnectionException"/>, and where signals are handed to the client's handlers.
/// </summary>
internal sealed partial class ClientConnection : IDisposable
{
    private readonly DBusConnection _connection;
    private readonly Action<Exception> _onHandlerFailed;

    private ClientConnection(DBusConnection connection, Action<Exception> onHandlerFailed)
    {
        _connection = connection;
        _onHandlerFailed = onHandlerFailed;
    }

    /// <param name="onHandlerFailed">gets what a signal handler (or reading its message) threw</param>
    public static async Task<ClientConnection> ConnectAsync(string address, Action<Exception> onHandlerFailed, CancellationToken cancellationToken)
    {
        var connection = new DBusConnection(address);
        try
        {
            return new ClientConnection(await RunAsync(ConnectedAsync(connection), CallTimeouts.Default, cancellationToken), onHandlerFailed);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        static async Task<DBusConnection> ConnectedAsync(DBusConnection connection)
        {
            await connection.ConnectAsync();
            return connection;
        }
    }

    /// <summary>A writer holding the header of a call to the daemon; write the arguments, then pass its message to <see cref="CallAsync"/>.</summary>
    public MessageWriter StartCall(string path, string iface, string member, string? signature = null)
    {
        var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(RecorderBus.Name, path, iface, member, signature);
        return writer;
    }

    /// <summary>
    /// Sends <paramref name="call"/> and reads its reply with <paramref name="readReply"/>. Cancelling, or
    /// <paramref name="timeout"/> (<see cref="CallTimeouts.Default"/> by default) passing, ends the wait, not the
    /// call: the daemon may still carry it out.
    /// </summary>
    public Task<T> CallAsync<T>(MessageBuffer call, MessageValueReader<T> readReply, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        RunAsync(_connection.CallMethodAsync(call, readReply, null), timeout ?? CallTimeouts.Default, cancellationToken);

    /// <summary>
    /// Calls <paramref name="onSignal"/> with what <paramref name="read"/> makes of each signal matching
    /// <paramref name="rule"/> (nothing when it returns null), until the result is disposed. Both run on the
    /// connection's receive loop, in the order the messages arrive; what they throw goes to the handler-failure sink.
    /// </summary>
    public Task<IDisposable> WatchAsync<T>(MatchRule rule, Func<Message, T?> read, Action<T> onSignal, CancellationToken cancellationToken)
        where T : class
    {
        var adding = _connection.AddMatchAsync(
            rule,
            (message, _) => ReadGuarded(read, message),
            notification =>
            {
                if (notification is { HasValue: true, Value: { } value })
                {
                    HandleGuarded(onSignal, value);
                }
            },
            emitOnCapturedContext: false).AsTask();
        return RunAsync(adding, CallTimeouts.Default, cancellationToken, abandoned: subscription => subscription.Dispose());
    }

    public void Dispose() => _connection.Dispose();

    private static async Task<T> RunAsync<T>(Task<T> operation, TimeSpan timeout, CancellationToken cancellationToken, Action<T>? abandoned = null)
    {
        try
        {
            return await operation.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException error)
        {
            throw RecorderClientException.FromDBusError(error);
        }
        catch (DBusConnectionException error)
        {
            throw new RecorderConnectionException(error.Message, error);
        }
        catch (TimeoutException error)
        {
            Abandon();
            throw new RecorderClientException(RecorderClientException.NoReply, $"no reply within {timeout.TotalSeconds:0.#} s", error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon();
            throw;
        }
        finally
        {
            // Tmds completes a call on the connection's receive loop; leave it before the caller goes on, so that a
            // caller who blocks cannot hold up every signal and reply of this connection.
            await Task.Yield();
        }

        // What the operation comes to after nobody waits for it: a late result is handed to abandoned, a late failure observed.
        void Abandon() => operation.ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    abandoned?.Invoke(done.Result);
                }
                else
                {
                    _ = done.Exception;
                }
            },
            TaskScheduler.Default);
    }

    private T? ReadGuarded<T>(Func<Message, T?> read, Message message)
        where T : class
    {
        try
        {
            return read(message);
        }
        catch (Exception exception)
        {
            _onHandlerFailed(exception);
            return null;
        }
    }

    private void HandleGuarded<T>(Action<T> handle, T value)
    {
        try
        {
            handle(value);
        }
        catch (Exception exception)
        {
            _onHandlerFailed(exception);
        }
    }
}
