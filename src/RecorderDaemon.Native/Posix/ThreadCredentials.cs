using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// Runs file-system work on the calling thread with another user's credentials: the thread's
/// file-system uid and gid and its supplementary groups, switched by raw system calls that affect only
/// this thread (glibc's <c>setuid()</c> and <c>setgroups()</c> would switch every thread of the daemon).
/// The work is synchronous, so nothing else runs on the thread until the credentials are back.
/// Switching to a user other than the daemon's needs root (CAP_SETUID and CAP_SETGID).
/// </summary>
public static unsafe class ThreadCredentials
{
    private const uint ReadOnly = uint.MaxValue;

    /// <exception cref="UnauthorizedAccessException">the daemon may not take these credentials; nothing ran</exception>
    public static T RunAs<T>(UnixCredentials credentials, Func<T> work)
    {
        var saved = new UnixCredentials((uint)Interop.Libc.setfsuid(ReadOnly), (uint)Interop.Libc.setfsgid(ReadOnly), CurrentGroups());
        try
        {
            Switch(credentials);
            return work();
        }
        finally
        {
            Restore(saved);
        }
    }

    /// <summary>Groups and gid first, while the thread still has its capabilities; the fsuid last, as it drops them.</summary>
    private static void Switch(UnixCredentials credentials)
    {
        if (!TrySetGroups(credentials.Groups))
        {
            throw new UnauthorizedAccessException($"recorderd cannot take the groups of {credentials} (it is not root): {Marshal.GetLastPInvokeErrorMessage()}");
        }

        Interop.Libc.setfsgid(credentials.Gid);
        Interop.Libc.setfsuid(credentials.Uid);
        if ((uint)Interop.Libc.setfsgid(ReadOnly) != credentials.Gid || (uint)Interop.Libc.setfsuid(ReadOnly) != credentials.Uid)
        {
            throw new UnauthorizedAccessException($"recorderd cannot act as {credentials} (it is not root)");
        }
    }

    /// <summary>A thread left with a caller's credentials would do the daemon's later work with them: that must never go on.</summary>
    private static void Restore(UnixCredentials saved)
    {
        Interop.Libc.setfsuid(saved.Uid);
        Interop.Libc.setfsgid(saved.Gid);
        if (!TrySetGroups(saved.Groups) || (uint)Interop.Libc.setfsuid(ReadOnly) != saved.Uid || (uint)Interop.Libc.setfsgid(ReadOnly) != saved.Gid)
        {
            Environment.FailFast($"recorderd could not restore its own file-system credentials ({saved}) on a thread");
        }
    }

    private static bool TrySetGroups(IReadOnlyList<uint> groups)
    {
        var list = groups.ToArray();
        fixed (uint* pointer = list)
        {
            return Interop.Libc.syscall(SetGroupsSyscall, list.Length, (nint)pointer) == 0;
        }
    }

    private static uint[] CurrentGroups()
    {
        var count = Interop.Libc.getgroups(0, null);
        var groups = new uint[Math.Max(count, 0)];
        fixed (uint* pointer = groups)
        {
            count = Interop.Libc.getgroups(groups.Length, pointer);
        }

        return count >= 0 ? groups[..count] : throw new InvalidOperationException($"getgroups failed: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private static long SetGroupsSyscall => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 116,
        Architecture.Arm64 => 159,
        var other => throw new PlatformNotSupportedException($"the setgroups system call number on {other} is not known"),
    };
}
