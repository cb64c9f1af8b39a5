using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int AT_FDCWD = -100;
        internal const int AT_EACCESS = 0x200;
        internal const int R_OK = 4;
        internal const int W_OK = 2;
        internal const int F_GETFL = 3;
        internal const int SEEK_SET = 0;
        internal const int SEEK_END = 2;

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int open(string path, int flags, uint mode);

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mkdir(string path, uint mode);

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int unlink(string path);

        /// <summary>With <see cref="AT_EACCESS"/> the check uses the thread's file-system ids and groups, not the real ids.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int faccessat(int directory, string path, int mode, int flags);

        /// <summary>Returns a string the caller frees with <see cref="free"/>, or null with errno set.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static unsafe partial byte* realpath(string path, byte* resolved);

        [LibraryImport(Libraries.Libc)]
        internal static unsafe partial void free(void* pointer);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int fcntl(SafeHandle fd, int command);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial long lseek(SafeHandle fd, long offset, int whence);
    }
}
