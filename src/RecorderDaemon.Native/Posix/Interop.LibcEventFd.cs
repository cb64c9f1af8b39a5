using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int EFD_NONBLOCK = 0x800;
        internal const int EFD_CLOEXEC = 0x80000;

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int eventfd(uint initialValue, int flags);

        /// <summary>Takes the counter and resets it to zero; fails with EAGAIN when it is zero (non-blocking).</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int eventfd_read(SafeHandle fd, out ulong value);

        [LibraryImport(Libraries.Libc)]
        internal static partial int eventfd_write(SafeHandle fd, ulong value);
    }
}
