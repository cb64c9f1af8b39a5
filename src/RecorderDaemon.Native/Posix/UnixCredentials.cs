namespace RecorderDaemon.Native;

/// <summary>What the kernel checks file access against: a user, the group its files get, and its supplementary groups.</summary>
public sealed record UnixCredentials(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    public override string ToString() => $"uid {Uid}, gid {Gid}, groups [{string.Join(',', Groups)}]";
}
