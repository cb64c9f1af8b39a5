using RecorderDaemon.Access;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Who the callers are and who may control a recorder. The bus daemon vouches for each connection's
/// user, process and groups (<c>GetConnectionCredentials</c>), asked once per unique name. The session
/// bus admits only its user's connections, so every call is allowed there. On the system bus only the
/// creator's user or root may control a recorder, and files are opened with the caller's credentials;
/// calls wait for the caller's identity in a queue so that they still run in arrival order.
/// </summary>
public sealed class CallerAccess(GLibLoop loop, BusConnection connection, bool systemBus)
{
    /// <summary>The group recorderd gives files of a caller that has no account (the kernel's overflow group, <c>nogroup</c>).</summary>
    private const uint NoGroup = 65534;

    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Task<Caller>> _callers = new(StringComparer.Ordinal);
    private readonly Queue<(BusCall Call, RecorderObject Target, Action Run)> _waiting = new();

    public bool IsSystemBus => systemBus;

    /// <summary>The caller behind a connection, asked of the bus once per unique name; on the loop thread.</summary>
    public Task<Caller> IdentityOf(string sender)
    {
        if (!_callers.TryGetValue(sender, out var caller))
        {
            caller = LookUpAsync(sender);
            _callers[sender] = caller;
        }

        return caller;
    }

    /// <summary>Forgets a connection that left the bus (unique names are never reused).</summary>
    public void Forget(string sender) => _callers.Remove(sender);

    /// <summary>Runs <paramref name="run"/> on the loop if the caller may control <paramref name="target"/>, else replies NotAllowedError.</summary>
    public void WhenAllowed(BusCall call, RecorderObject target, Action run)
    {
        if (!systemBus)
        {
            run();
            return;
        }

        _waiting.Enqueue((call, target, run));
        var caller = IdentityOf(call.Sender);
        if (caller.IsCompleted)
        {
            RunReady();
        }
        else
        {
            caller.ContinueWith(_ => loop.Post(RunReady), TaskScheduler.Default);
        }
    }

    private void RunReady()
    {
        while (_waiting.TryPeek(out var next) && IdentityOf(next.Call.Sender) is { IsCompleted: true } caller)
        {
            _waiting.Dequeue();
            if (!caller.IsCompletedSuccessfully)
            {
                next.Call.ReplyError(BusNames.ErrorOf(DomErrorName.NotAllowedError), $"cannot tell which user {next.Call.Sender} is");
            }
            else if (!caller.Result.IsRoot && caller.Result.Uid != next.Target.OwnerUid)
            {
                next.Call.ReplyError(BusNames.ErrorOf(DomErrorName.NotAllowedError),
                    $"{next.Target.Path} belongs to user {next.Target.OwnerUid}; user {caller.Result.Uid} may not control it");
            }
            else
            {
                next.Run();
            }
        }
    }

    private async Task<Caller> LookUpAsync(string sender)
    {
        var fields = await connection.CallAsync(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetConnectionCredentials", BusBody.String(sender),
            static (message, _) => message.GetBodyReader().ReadDictionaryOfStringToVariantValue(), LookupTimeout);
        var uid = fields["UnixUserID"].GetUInt32();
        uint? pid = fields.TryGetValue("ProcessID", out var processId) ? processId.GetUInt32() : null;
        var groups = fields.TryGetValue("UnixGroupIDs", out var groupIds) ? groupIds.GetArray<uint>() : null;

        // Account look-ups may ask NSS services (LDAP, …), so they run off the loop.
        return await BlockingWork.Run(() => Identify(sender, uid, pid, groups));
    }

    /// <param name="busGroups">the groups the bus saw the process have, which beat the account's: they are what the caller really holds</param>
    private Caller Identify(string sender, uint uid, uint? pid, IReadOnlyList<uint>? busGroups)
    {
        var account = UnixUsers.Find(uid);
        var groups = busGroups ?? (account is null ? [] : UnixUsers.GroupsOf(account));
        var files = systemBus && uid != UnixUsers.EffectiveUid
            ? new CallerFiles(new UnixCredentials(uid, account?.Gid ?? NoGroup, groups))
            : CallerFiles.OfDaemonUser;
        return new Caller(sender, uid, account, groups, files, pid is { } id && Sandbox.Contains(id));
    }
}
