using RecorderDaemon.Native;

namespace RecorderDaemon.Access;

/// <summary>
/// Who sent a method call: its connection, its user (as the bus daemon vouches), that user's account when
/// there is one, the rights recorderd uses for its files, and whether it runs inside a Flatpak sandbox.
/// </summary>
public sealed record Caller(string BusName, uint Uid, UnixUser? Account, IReadOnlyList<uint> Groups, CallerFiles Files, bool IsSandboxed)
{
    public bool IsRoot => Uid == 0;

    /// <summary>The home directory of the caller's account, when it has one that exists.</summary>
    public string? Home => Account?.Home is { Length: > 1 } home && Directory.Exists(home) ? home : null;

    public override string ToString() => Account is { } account ? $"{BusName} (user {account.Name}, uid {Uid})" : $"{BusName} (uid {Uid})";
}
