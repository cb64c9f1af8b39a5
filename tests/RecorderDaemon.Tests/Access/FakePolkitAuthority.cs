using System.Collections.Concurrent;
using RecorderDaemon.Native;

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
/// </summary>
public sealed class FakePolkitAuthority : IDBusObject
{
    public const string Name = "org.freedesktop.PolicyKit1";
    public const string Path = "/org/freedesktop/PolicyKit1/Authority";
    public const string Interface = "org.freedesktop.PolicyKit1.Authority";

    /// <summary>The method as polkit's own <c>org.freedesktop.PolicyKit1.Authority.xml</c> declares it.</summary>
    public const string Xml = """
        <node>
          <interface name="org.freedesktop.PolicyKit1.Authority">
            <method name="CheckAuthorization">
              <arg type="(sa{sv})" name="subject" direction="in"/>
              <arg type="s" name="action_id" direction="in"/>
              <arg type="a{ss}" name="details" direction="in"/>
              <arg type="u" name="flags" direction="in"/>
              <arg type="s" name="cancellation_id" direction="in"/>
              <arg type="(bba{ss})" name="result" direction="out"/>
            </method>
          </interface>
        </node>
        """;

    private readonly ConcurrentQueue<AuthorizationCheck> _checks = new();
    private volatile PolkitAnswer _answer;

    public PolkitAnswer Answer
    {
        get => _answer;
        set => _answer = value;
    }

    public IReadOnlyList<AuthorizationCheck> Checks => [.. _checks];

    public void HandleMethodCall(DBusMethodInvocation call)
    {
        using var subject = call.Parameters.GetChild(0);
        using var kind = subject.GetChild(0);
        using var subjectDetails = subject.GetChild(1);
        using var actionId = call.Parameters.GetChild(1);
        using var flags = call.Parameters.GetChild(3);
        var check = new AuthorizationCheck(
            kind.GetString(),
            subjectDetails.ToVariantDictionary().TryGetValue("name", out var name) ? name.GetString() : "",
            actionId.GetString(),
            flags.GetUInt32());
        _checks.Enqueue(check);

        var answer = Answer;
        if (answer == PolkitAnswer.Unregistered)
        {
            call.ReturnError("org.freedesktop.PolicyKit1.Error.Failed", $"Action {check.ActionId} is not registered");
            return;
        }

        call.ReturnValue(GVariant.Tuple(GVariant.Tuple(
            GVariant.Boolean(answer == PolkitAnswer.Allow),
            GVariant.Boolean(answer == PolkitAnswer.Challenge),
            GVariant.Array("{ss}", []))));
    }

    public GVariant? GetProperty(string sender, string propertyName) => null;
}
