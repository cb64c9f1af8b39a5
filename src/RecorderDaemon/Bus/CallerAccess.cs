using RecorderDaemon.Native;

namespace RecorderDaemon.Bus;

/// <summary>
/// Who may control a recorder. The session bus admits only its user's connections, so every call
/// is allowed there. On the system bus only the creator's user or root may; the caller's uid comes
/// from the bus daemon, and calls wait for it in a queue so that they still run in arrival order.
/// </summary>
public sealed class CallerAccess(GLibLoop loop, DBusConnection connection, bool systemBus)
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Task<uint>> _uids = new(StringComparer.Ordinal);
    private readonly Queue<(DBusMethodInvocation Call, RecorderObject Target, Action Run)> _waiting = new();

    /// <summary>The Unix user id of a connection, asked of the bus once per unique name.</summary>
    public Task<uint> UidOf(string sender)
    {
        if (!_uids.TryGetValue(sender, out var uid))
        {
            uid = LookUpAsync(sender);
            _uids[sender] = uid;
        }

        return uid;
    }

    /// <summary>
    /// The Unix groups of a connection (primary and supplementary), asked of the bus each time: <c>UnixGroupIDs</c> of
    /// <c>GetConnectionCredentials</c>, or none if the bus does not know them.
    /// </summary>
    public async Task<IReadOnlyCollection<uint>> GroupsOfAsync(string sender)
    {
        using var reply = await connection.CallAsync(
            loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetConnectionCredentials",
            GVariant.Tuple(GVariant.String(sender)), "(a{sv})", LookupTimeout);
        using var credentials = reply.GetChild(0);
        return credentials.ToVariantDictionary().TryGetValue("UnixGroupIDs", out var groups) ? groups.GetUInt32s() : [];
    }

    /// <summary>Forgets a connection that left the bus (unique names are never reused).</summary>
    public void Forget(string sender) => _uids.Remove(sender);

    /// <summary>Runs <paramref name="run"/> on the loop if the caller may control <paramref name="target"/>, else replies NotAllowedError.</summary>
    public void WhenAllowed(DBusMethodInvocation call, RecorderObject target, Action run)
    {
        if (!systemBus)
        {
            run();
            return;
        }

        _waiting.Enqueue((call, target, run));
        var uid = UidOf(call.Sender);
        if (uid.IsCompleted)
        {
            RunReady();
        }
        else
        {
            uid.ContinueWith(_ => loop.Post(RunReady), TaskScheduler.Default);
        }
    }

    private void RunReady()
    {
        while (_waiting.TryPeek(out var next) && UidOf(next.Call.Sender) is { IsCompleted: true } uid)
        {
            _waiting.Dequeue();
            if (!uid.IsCompletedSuccessfully)
            {
                next.Call.ReturnError(BusNames.ErrorPrefix + DomErrorName.NotAllowedError, $"cannot tell which user {next.Call.Sender} is");
            }
            else if (uid.Result != 0 && uid.Result != next.Target.OwnerUid)
            {
                next.Call.ReturnError(BusNames.ErrorPrefix + DomErrorName.NotAllowedError,
                    $"{next.Target.Path} belongs to user {next.Target.OwnerUid}; user {uid.Result} may not control it");
            }
            else
            {
                next.Run();
            }
        }
    }

    private async Task<uint> LookUpAsync(string sender)
    {
        using var reply = await connection.CallAsync(
            loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetConnectionUnixUser",
            GVariant.Tuple(GVariant.String(sender)), "(u)", LookupTimeout);
        using var uid = reply.GetChild(0);
        return uid.GetUInt32();
    }
}
