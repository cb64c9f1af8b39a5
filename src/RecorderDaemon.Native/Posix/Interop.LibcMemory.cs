using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>glibc: returns the free memory at the top of each arena's heap and whole free pages inside it to the system.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int malloc_trim(nuint pad);
    }
}
