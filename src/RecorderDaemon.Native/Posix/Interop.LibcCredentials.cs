using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary>Sets this thread's file-system uid and returns the previous one; an invalid id (-1) only reads it.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int setfsuid(uint fsuid);

        /// <summary>Sets this thread's file-system gid and returns the previous one; an invalid id (-1) only reads it.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int setfsgid(uint fsgid);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int getgroups(int size, uint* list);

        /// <summary>
        /// The raw system call. glibc's <c>setgroups()</c> wrapper applies the change to every thread of the
        /// process; the <c>setgroups</c> system call made directly changes only the calling thread's.
        /// </summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial long syscall(long number, nint argument0, nint argument1);

        [LibraryImport(Libraries.Libc)]
        internal static partial uint geteuid();
    }
}
