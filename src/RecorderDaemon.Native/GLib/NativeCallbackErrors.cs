namespace RecorderDaemon.Native;

/// <summary>
/// The one sink for exceptions caught at the edge of a callback from C. An exception escaping into
/// C would kill the process, so every <c>[UnmanagedCallersOnly]</c> body catches and reports here.
/// </summary>
public static class NativeCallbackErrors
{
    /// <summary>Raised for each caught exception; the host wires it to logging, tests to a failure.</summary>
    public static event Action<Exception>? Unhandled;

    internal static void Report(Exception exception)
    {
        var handlers = Unhandled;
        if (handlers is null)
        {
            Console.Error.WriteLine($"recorderd: unhandled exception in a native callback: {exception}");
            return;
        }

        try
        {
            handlers(exception);
        }
        catch (Exception handlerFailure)
        {
            Console.Error.WriteLine($"recorderd: callback error handler failed: {handlerFailure}");
        }
    }
}
