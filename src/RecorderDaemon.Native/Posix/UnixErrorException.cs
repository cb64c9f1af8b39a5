using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>A C library call failed with <see cref="Errno"/>; the message names the call, the path and the system's reason.</summary>
public sealed class UnixErrorException(string call, string path, int errno)
    : IOException($"{call} '{path}': {Marshal.GetPInvokeErrorMessage(errno)}")
{
    private const int EPERM = 1, ENOENT = 2, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EROFS = 30, ELOOP = 40;

    public int Errno { get; } = errno;

    /// <summary>The path, or a directory on it, does not exist.</summary>
    public bool IsNotFound => Errno is ENOENT or ENOTDIR;

    /// <summary>The credentials in force may not do this (a symbolic link refused by <c>O_NOFOLLOW</c> included).</summary>
    public bool IsDenied => Errno is EACCES or EPERM or EROFS or ELOOP;

    public bool IsAlreadyExisting => Errno == EEXIST;

    internal static UnixErrorException Last(string call, string path) => new(call, path, Marshal.GetLastPInvokeError());
}
