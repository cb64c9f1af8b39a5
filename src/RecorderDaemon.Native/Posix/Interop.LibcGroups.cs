using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary><c>struct group</c> of <c>grp.h</c>; checked by NativeLayoutTests.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Group
        {
            public byte* Name;
            public byte* Password;
            public uint Gid;
            public byte** Members;
        }

        /// <summary>Returns 0 with <paramref name="result"/> null when there is no such group, or an errno value.</summary>
        [LibraryImport(Libraries.Libc, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int getgrnam_r(string name, Group* group, byte* buffer, nuint bufferLength, Group** result);
    }
}
