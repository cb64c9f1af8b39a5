using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>Unix groups as the system's name service knows them (<c>/etc/group</c>, or LDAP and the like through NSS).</summary>
public static class UnixGroups
{
    // The strings getgrnam_r copies out include every member's name, so a big group needs a big buffer.
    private const int InitialBufferSize = 4096;
    private const int MaxBufferSize = 1 << 20;

    /// <summary>The gid of the group named <paramref name="name"/>, or null if there is no such group.</summary>
    /// <exception cref="IOException">the name service failed to answer</exception>
    public static unsafe uint? IdOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var size = InitialBufferSize; ; size *= 2)
        {
            Interop.Libc.Group group;
            Interop.Libc.Group* result;
            int error;
            fixed (byte* buffer = new byte[size])
            {
                error = Interop.Libc.getgrnam_r(name, &group, buffer, (nuint)size, &result);
            }

            if (error == 0)
            {
                return result == null ? null : group.Gid;
            }

            if (error != Interop.Libc.ERANGE || size >= MaxBufferSize)
            {
                throw new IOException($"cannot look up group '{name}': {Marshal.GetPInvokeErrorMessage(error)}");
            }
        }
    }
}
