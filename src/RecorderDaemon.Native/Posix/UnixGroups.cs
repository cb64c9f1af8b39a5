namespace RecorderDaemon.Native;

/// <summary>Unix groups as the system's name service knows them (<c>/etc/group</c>, or LDAP and the like through NSS).</summary>
public static class UnixGroups
{
    /// <summary>The gid of the group named <paramref name="name"/>, or null if there is no such group.</summary>
    /// <exception cref="IOException">the name service failed to answer</exception>
    public static unsafe uint? IdOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return NameService.LookUp<uint?>($"group '{name}'", buffer =>
        {
            Interop.Libc.Group group;
            Interop.Libc.Group* result;
            fixed (byte* pointer = buffer)
            {
                var error = Interop.Libc.getgrnam_r(name, &group, pointer, (nuint)buffer.Length, &result);
                return (error, result == null ? null : group.Gid);
            }
        });
    }
}
