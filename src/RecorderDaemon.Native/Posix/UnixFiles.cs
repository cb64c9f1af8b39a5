using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Native;

/// <summary>
/// File operations as single system calls, so that they are checked against the thread's credentials
/// (see <see cref="ThreadCredentials"/>) and can refuse what .NET's file APIs would quietly allow.
/// Every descriptor is opened close-on-exec.
/// </summary>
public static class UnixFiles
{
    private const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
    private const int O_CREAT = 0x40, O_EXCL = 0x80, O_NOCTTY = 0x100, O_APPEND = 0x400, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    private const uint NewFileMode = 0b110_110_110;
    private const uint NewDirectoryMode = 0b111_111_111;
    private const int ESPIPE = 29;

    private static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    /// <summary>Creates a file that did not exist, refusing a symbolic link in its place; mode 0666 less the umask.</summary>
    /// <exception cref="UnixErrorException">the file exists (<see cref="UnixErrorException.IsAlreadyExisting"/>) or cannot be created</exception>
    public static SafeFileHandle CreateNew(string path) =>
        Open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, NewFileMode);

    /// <summary>Opens a file for reading without blocking: a FIFO put in a file's place opens at once, and then reads nothing.</summary>
    /// <exception cref="UnixErrorException">the file cannot be opened for reading</exception>
    public static SafeFileHandle OpenForReading(string path) => Open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

    /// <summary>
    /// A new open file description of what <paramref name="handle"/> has open, read-only with its own offset, so that
    /// several readers need not share one. No access check is made again: the file was opened once already.
    /// </summary>
    public static SafeFileHandle Reopen(SafeFileHandle handle) => OpenForReading($"/proc/self/fd/{handle.DangerousGetHandle()}");

    /// <summary>Makes a directory (mode 0777 less the umask); false when something already has that name.</summary>
    /// <exception cref="UnixErrorException">it cannot be made</exception>
    public static bool MakeDirectory(string path)
    {
        if (Interop.Libc.mkdir(path, NewDirectoryMode) == 0)
        {
            return true;
        }

        var error = UnixErrorException.Last("cannot make the directory", path);
        return error.IsAlreadyExisting ? false : throw error;
    }

    /// <exception cref="UnixErrorException">it cannot be removed</exception>
    public static void Delete(string path)
    {
        if (Interop.Libc.unlink(path) != 0)
        {
            throw UnixErrorException.Last("cannot remove", path);
        }
    }

    /// <summary>The absolute path with every symbolic link and <c>.</c>/<c>..</c> resolved, as the thread's credentials can resolve it.</summary>
    /// <exception cref="UnixErrorException">it does not exist or cannot be resolved</exception>
    public static unsafe string RealPath(string path)
    {
        var resolved = Interop.Libc.realpath(path, null);
        if (resolved == null)
        {
            throw UnixErrorException.Last("cannot resolve", path);
        }

        try
        {
            return Utf8.FromNative(resolved)!;
        }
        finally
        {
            Interop.Libc.free(resolved);
        }
    }

    /// <summary>Checks that the thread's credentials may open <paramref name="path"/> for reading and writing.</summary>
    /// <exception cref="UnixErrorException">they may not, or it does not exist</exception>
    public static void RequireReadWriteAccess(string path)
    {
        if (Interop.Libc.faccessat(Interop.Libc.AT_FDCWD, path, Interop.Libc.R_OK | Interop.Libc.W_OK, Interop.Libc.AT_EACCESS) != 0)
        {
            throw UnixErrorException.Last("no read and write access to", path);
        }
    }

    /// <summary>Empties the file behind <paramref name="handle"/> and puts its offset back at the start, for a writer to begin again.</summary>
    public static void Rewind(SafeFileHandle handle)
    {
        RandomAccess.SetLength(handle, 0);
        if (Interop.Libc.lseek(handle, 0, Interop.Libc.SEEK_SET) < 0)
        {
            throw UnixErrorException.Last("cannot rewind", $"fd {handle.DangerousGetHandle()}");
        }
    }

    /// <summary>How a descriptor someone else opened can be written: its access mode, append flag, and whether it seeks.</summary>
    public static OpenFileStatus Status(SafeFileHandle handle)
    {
        var flags = Interop.Libc.fcntl(handle, Interop.Libc.F_GETFL);
        if (flags < 0)
        {
            throw UnixErrorException.Last("cannot read the flags of", $"fd {handle.DangerousGetHandle()}");
        }

        var length = Interop.Libc.lseek(handle, 0, Interop.Libc.SEEK_END);
        var seekable = length >= 0 || Marshal.GetLastPInvokeError() != ESPIPE;
        if (seekable)
        {
            Interop.Libc.lseek(handle, 0, Interop.Libc.SEEK_SET);
        }

        return new OpenFileStatus(
            Writable: (flags & O_ACCMODE) is O_WRONLY or O_RDWR,
            Appends: (flags & O_APPEND) != 0,
            Seekable: seekable && length >= 0,
            Length: Math.Max(length, 0));
    }

    private static SafeFileHandle Open(string path, int flags, uint mode)
    {
        var fd = Interop.Libc.open(path, flags, mode);
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw UnixErrorException.Last("cannot open", path);
    }
}

/// <summary>What <see cref="UnixFiles.Status"/> found of an open file.</summary>
public sealed record OpenFileStatus(bool Writable, bool Appends, bool Seekable, long Length);
