using System.Collections.Concurrent;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Access;

/// <summary>How <see cref="FakePolkitAuthority"/> answers: authorized, not authorized, not without authenticating, or with an error.</summary>
public enum PolkitAnswer
{
    Allow,
    Deny,
    Challenge,

    /// <summary>The error polkitd answers for an action whose .policy file is not installed.</summary>
    Unregistered,
}

/// <summary>One <c>CheckAuthorization</c> call as polkit received it.</summary>
public sealed record AuthorizationCheck(string SubjectKind, string SubjectName, string ActionId, uint Flags);

/// <summary>
/// polkit's side of <c>org.freedesktop.PolicyKit1.Authority.CheckAuthorization</c>, for a test connection that owns
/// <c>org.freedesktop.PolicyKit1</c>: it answers every check with <see cref="Answer"/> and keeps what it was asked.
/// Runs on the connection's receive loop: it answers at once and throws nothing (which would end the connection).
/// </summary>
public sealed class FakePolkitAuthority : IPathMethodHandler
{
    public const string Name = "org.freedesktop.PolicyKit1";
    public const string Interface = "org.freedesktop.PolicyKit1.Authority";

    /// <summary>
    /// <c>CheckAuthorization</c>'s arguments as polkit's own <c>org.freedesktop.PolicyKit1.Authority.xml</c> declares them: subject
    /// <c>(sa{sv})</c>, action_id <c>s</c>, details <c>a{ss}</c>, flags <c>u</c>, cancellation_id <c>s</c>; it returns <c>(bba{ss})</c>.
    /// </summary>
    private const string CheckAuthorizationSignature = "(sa{sv})sa{ss}us";

    private readonly ConcurrentQueue<AuthorizationCheck> _checks = new();
    private volatile PolkitAnswer _answer;

    public PolkitAnswer Answer
    {
        get => _answer;
        set => _answer = value;
    }

    public IReadOnlyList<AuthorizationCheck> Checks => [.. _checks];

    public string Path => "/org/freedesktop/PolicyKit1/Authority";

    public bool HandlesChildPaths => false;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        if (request.InterfaceAsString != Interface || request.MemberAsString != "CheckAuthorization")
        {
            context.ReplyUnknownMethodError();
        }
        else if (request.SignatureAsString != CheckAuthorizationSignature)
        {
            context.ReplyError("org.freedesktop.DBus.Error.InvalidArgs", $"CheckAuthorization takes ({CheckAuthorizationSignature}), not ({request.SignatureAsString})");
        }
        else
        {
            try
            {
                CheckAuthorization(context);
            }
            catch (Exception exception)
            {
                context.ReplyError("org.freedesktop.DBus.Error.Failed", exception.Message);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void CheckAuthorization(MethodContext context)
    {
        var reader = context.Request.GetBodyReader();
        reader.AlignStruct();
        var kind = reader.ReadString();
        var subjectDetails = reader.ReadDictionaryOfStringToVariantValue();
        var actionId = reader.ReadString();
        var details = reader.ReadDictionaryStart();
        while (reader.HasNext(details))
        {
            reader.ReadString();
            reader.ReadString();
        }

        var check = new AuthorizationCheck(
            kind, subjectDetails.TryGetValue("name", out var name) ? name.GetString() : "", actionId, reader.ReadUInt32());
        _checks.Enqueue(check);

        var answer = Answer;
        if (answer == PolkitAnswer.Unregistered)
        {
            context.ReplyError("org.freedesktop.PolicyKit1.Error.Failed", $"Action {check.ActionId} is not registered");
            return;
        }

        using var writer = context.CreateReplyWriter("(bba{ss})");
        writer.WriteStructureStart();
        writer.WriteBool(answer == PolkitAnswer.Allow);
        writer.WriteBool(answer == PolkitAnswer.Challenge);
        writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
        context.Reply(writer.CreateMessage());
    }
}
