using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary><c>struct passwd</c>; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Passwd
        {
            public byte* Name;
            public byte* Password;
            public uint Uid;
            public uint Gid;
            public byte* Gecos;
            public byte* Directory;
            public byte* Shell;
        }

        /// <summary>Returns 0 with <paramref name="result"/> null when there is no such user, or an errno value (ERANGE: the buffer is too small).</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int getpwuid_r(uint uid, Passwd* entry, byte* buffer, nuint size, Passwd** result);

        /// <summary>Returns the count, or -1 with <paramref name="count"/> set to the size needed.</summary>
        [LibraryImport(Libraries.Libc, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int getgrouplist(string user, uint group, uint* groups, int* count);
    }
}
