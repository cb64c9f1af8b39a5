namespace RecorderDaemon.Native;

/// <summary>A user account from the passwd database.</summary>
public sealed record UnixUser(string Name, uint Uid, uint Gid, string Home);

/// <summary>Looks users and their groups up through the C library, so NSS (LDAP, systemd's dynamic users, …) answers too.</summary>
public static unsafe class UnixUsers
{
    /// <summary>The user the daemon's process acts as.</summary>
    public static uint EffectiveUid => Interop.Libc.geteuid();

    /// <summary>The user with this uid, or null when there is none.</summary>
    /// <exception cref="IOException">the name service failed to answer</exception>
    public static UnixUser? Find(uint uid) => NameService.LookUp($"user {uid}", buffer =>
    {
        Interop.Libc.Passwd entry;
        Interop.Libc.Passwd* result;
        fixed (byte* pointer = buffer)
        {
            var error = Interop.Libc.getpwuid_r(uid, &entry, pointer, (nuint)buffer.Length, &result);
            return (error, result == null ? null : new UnixUser(Utf8.FromNative(entry.Name) ?? "", entry.Uid, entry.Gid, Utf8.FromNative(entry.Directory) ?? ""));
        }
    });

    /// <summary>The groups the user belongs to: its own group and those that list it as a member.</summary>
    public static IReadOnlyList<uint> GroupsOf(UnixUser user)
    {
        var count = 32;
        while (true)
        {
            var groups = new uint[count];
            fixed (uint* pointer = groups)
            {
                if (Interop.Libc.getgrouplist(user.Name, user.Gid, pointer, &count) >= 0)
                {
                    return groups[..count];
                }
            }
        }
    }
}
