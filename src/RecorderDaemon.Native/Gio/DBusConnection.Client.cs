using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

public sealed partial class DBusConnection
{
    /// <summary>
    /// Calls a method. The call is issued on the loop thread, so its reply callback arrives there; the
    /// task completes with the reply tuple, or faults with a <see cref="DBusErrorException"/> for an
    /// error reply and a <see cref="GLibException"/> for a local failure (timeout, closed connection).
    /// </summary>
    /// <param name="replyType">The expected reply tuple type (e.g. <c>(s)</c>), checked by GDBus; null accepts any.</param>
    /// <param name="timeout"><see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    public Task<GVariant> CallAsync(
        GLibLoop loop, string destination, string path, string iface, string method, GVariant? parameters, string? replyType, TimeSpan timeout)
    {
        DBusNames.BusName(destination, nameof(destination));
        DBusNames.ObjectPath(path, nameof(path));
        DBusNames.InterfaceName(iface, nameof(iface));
        DBusNames.MemberName(method, nameof(method));
        var body = DBusNames.Tuple(parameters, nameof(parameters));
        if (replyType is not null)
        {
            DBusNames.TypeString(replyType, nameof(replyType));
        }

        var timeoutMsec = TimeoutMsec(timeout);
        var completion = new TaskCompletionSource<GVariant>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(() => StartCall(destination, path, iface, method, body, replyType, timeoutMsec, completion));
        return completion.Task;
    }

    /// <summary>Subscribes to signals; null filters match anything. Must run on the loop thread.</summary>
    public DBusSignalSubscription SubscribeSignal(string? sender, string? iface, string? member, string? path, Action<DBusSignal> onSignal) =>
        DBusSignalSubscription.Subscribe(this, sender, iface, member, path, onSignal);

    private unsafe void StartCall(
        string destination, string path, string iface, string method, GVariant body, string? replyType, int timeoutMsec,
        TaskCompletionSource<GVariant> completion)
    {
        var state = GCHandle.Alloc(completion);
        try
        {
            Interop.Gio.g_dbus_connection_call(
                Handle, destination, path, iface, method, body.Handle, replyType, Interop.Gio.G_DBUS_CALL_FLAGS_NONE, timeoutMsec,
                cancellable: 0, &OnCallReady, GCHandle.ToIntPtr(state));
        }
        catch (Exception exception)
        {
            state.Free();
            completion.TrySetException(exception);
        }
    }

    private static int TimeoutMsec(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return int.MaxValue;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return (int)Math.Min(int.MaxValue - 1, Math.Ceiling(timeout.TotalMilliseconds));
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnCallReady(nint connection, nint result, nint state)
    {
        TaskCompletionSource<GVariant>? completion = null;
        try
        {
            var handle = GCHandle.FromIntPtr(state);
            completion = (TaskCompletionSource<GVariant>)handle.Target!;
            handle.Free();
            Interop.GLib.GError* error = null;
            var reply = Interop.Gio.g_dbus_connection_call_finish(connection, result, &error);
            if (reply == 0)
            {
                completion.TrySetException(DBusErrorException.FromGError(error));
            }
            else
            {
                completion.TrySetResult(GVariant.TakeFull(reply));
            }
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            completion?.TrySetException(exception);
        }
    }
}
