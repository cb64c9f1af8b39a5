using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// Calls a re-entrant name-service function (<c>getpwuid_r</c>, <c>getgrnam_r</c>, …) with a buffer for the strings it
/// copies out, twice as large each time it answers ERANGE (a group with many members needs a large one).
/// </summary>
internal static class NameService
{
    private const int ERANGE = 34;
    private const int InitialBufferSize = 4096;
    private const int MaxBufferSize = 1 << 20;

    /// <param name="what">what is looked up, for the error, e.g. <c>user 1000</c></param>
    /// <param name="call">calls the function with the buffer; returns its error number and, when that is 0, what it found</param>
    /// <exception cref="IOException">the name service failed to answer</exception>
    public static T LookUp<T>(string what, Func<byte[], (int Error, T Found)> call)
    {
        for (var size = InitialBufferSize; ; size *= 2)
        {
            var (error, found) = call(new byte[size]);
            if (error == 0)
            {
                return found;
            }

            if (error != ERANGE || size >= MaxBufferSize)
            {
                throw new IOException($"cannot look up {what}: {Marshal.GetPInvokeErrorMessage(error)}");
            }
        }
    }
}
