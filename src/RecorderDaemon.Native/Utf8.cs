using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

internal static unsafe class Utf8
{
    /// <summary>Copies a borrowed, NUL-terminated UTF-8 string.</summary>
    public static string? FromNative(byte* text) => Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Copies a string the caller owns (transfer full) and frees it with <c>g_free</c>.</summary>
    public static string? TakeOwned(nint text)
    {
        if (text == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            Interop.GLib.g_free(text);
        }
    }
}
