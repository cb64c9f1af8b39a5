using Microsoft.Extensions.Logging;
using RecorderDaemon.Bus;
using RecorderDaemon.Native;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Access;

/// <summary>
/// Who may create a recorder on the system bus. polkit decides the action <see cref="ActionId"/>
/// (<c>packaging/polkit/io.github.recorderd.policy</c>), root always may. With no polkit authority on the
/// bus, only root and members of <c>fallbackGroup</c> may, and the first such decision logs a warning.
/// Anything else that keeps polkit from answering refuses the call.
/// </summary>
public sealed class RecordAuthorization(BusConnection connection, string fallbackGroup, ILogger<RecordAuthorization> logger)
{
    public const string ActionId = "io.github.recorderd.record";

    private const string Authority = "org.freedesktop.PolicyKit1";
    private const string AuthorityPath = "/org/freedesktop/PolicyKit1/Authority";
    private const string AuthorityInterface = "org.freedesktop.PolicyKit1.Authority";
    private const uint AllowUserInteraction = 1;
    private const string ServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";
    private const string NameHasNoOwner = "org.freedesktop.DBus.Error.NameHasNoOwner";

    // With interaction allowed, polkit answers only once someone has typed a password into an agent's dialog (or dismissed it).
    private static readonly TimeSpan InteractiveTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(25);

    private int _fallbackAnnounced;

    /// <param name="caller">its bus name is the subject polkit checks; its groups count when there is no polkit</param>
    /// <param name="allowInteraction">the caller allows interactive authorization (a message flag), so polkit may ask it to authenticate</param>
    /// <exception cref="RecorderException">NotAllowedError naming the action when refused</exception>
    /// <exception cref="IOException">without polkit, the name service failed to look the group up</exception>
    public async Task AuthorizeAsync(Caller caller, bool allowInteraction)
    {
        if (caller.IsRoot)
        {
            return;
        }

        var (sender, uid) = (caller.BusName, caller.Uid);
        (bool Authorized, bool Challenge) decision;
        try
        {
            decision = await CheckAuthorizationAsync(sender, allowInteraction);
        }
        catch (DBusErrorReplyException error) when (error.ErrorName is ServiceUnknown or NameHasNoOwner)
        {
            AuthorizeByGroup(uid, caller.Groups);
            return;
        }
        catch (Exception failure) when (failure is DBusExceptionBase or TimeoutException)
        {
            var reason = failure is DBusErrorReplyException error ? error.ErrorMessage : failure.Message;
            logger.LogWarning("Refusing {Action} to user {Uid} ({Sender}) because polkit did not answer: {Reason}", ActionId, uid, sender, reason);
            throw NotAllowed($"polkit could not decide {ActionId} for user {uid}: {reason}");
        }

        if (!decision.Authorized)
        {
            throw NotAllowed(decision.Challenge
                ? $"{ActionId} needs authentication; call with interactive authorization allowed and a polkit agent running"
                : $"polkit denies {ActionId} to user {uid}");
        }
    }

    private async Task<(bool Authorized, bool Challenge)> CheckAuthorizationAsync(string sender, bool allowInteraction)
    {
        var arguments = new BusBody("(sa{sv})sa{ss}us", (ref MessageWriter writer) =>
        {
            writer.WriteStructureStart();
            writer.WriteString("system-bus-name");
            writer.WriteDictionary([KeyValuePair.Create("name", (VariantValue)sender)]);
            writer.WriteString(ActionId);
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
            writer.WriteUInt32(allowInteraction ? AllowUserInteraction : 0);
            writer.WriteString("");
        });
        return await connection.CallAsync(Authority, AuthorityPath, AuthorityInterface, "CheckAuthorization", arguments,
            static (message, _) =>
            {
                var reader = message.GetBodyReader();
                reader.AlignStruct();
                return (reader.ReadBool(), reader.ReadBool());
            },
            allowInteraction ? InteractiveTimeout : Timeout);
    }

    private void AuthorizeByGroup(uint uid, IReadOnlyList<uint> groups)
    {
        var gid = UnixGroups.IdOf(fallbackGroup);
        if (Interlocked.Exchange(ref _fallbackAnnounced, 1) == 0)
        {
            if (gid is null)
            {
                logger.LogWarning("No polkit authority on the bus, and no group {Group}: only root may record", fallbackGroup);
            }
            else
            {
                logger.LogWarning("No polkit authority on the bus: only root and members of group {Group} may record", fallbackGroup);
            }
        }

        if (gid is null)
        {
            throw NotAllowed($"without polkit, {ActionId} is for root only: there is no group {fallbackGroup}");
        }

        if (!groups.Contains(gid.Value))
        {
            throw NotAllowed($"without polkit, {ActionId} is for root and members of group {fallbackGroup} only, and user {uid} is not a member");
        }
    }

    private static RecorderException NotAllowed(string message) => new(DomErrorName.NotAllowedError, message);
}
