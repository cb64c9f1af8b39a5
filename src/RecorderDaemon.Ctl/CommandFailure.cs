using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

/// <summary>A refusal recorderctl itself detects, such as a recorder path that does not exist (exit code 1).</summary>
internal sealed class CommandFailedException(string message) : Exception(message);

/// <summary>The one place where a failed command becomes its message and exit code.</summary>
internal static class CommandFailure
{
    private const string BusErrorPrefix = "org.freedesktop.DBus.Error.";

    /// <summary>The message and exit code for <paramref name="error"/>; null for a bug, which should surface as one.</summary>
    public static (string Message, int ExitCode)? Describe(Exception error) => error switch
    {
        CommandFailedException failed => (failed.Message, ExitCodes.Failed),
        RecorderClientException refused when IsUnreachable(refused.ErrorName) =>
            ($"recorderd is not reachable: {refused.Message} ({refused.ErrorName}). Start it with `recorderd`, or install it "
             + "(`make install`) so that the bus starts it on demand.", ExitCodes.Unavailable),
        RecorderClientException refused => ($"{refused.DomExceptionName ?? refused.ErrorName}: {refused.Message}", ExitCodes.Failed),
        RecorderConnectionException local => ($"cannot talk to recorderd: {local.Message}", ExitCodes.Unavailable),
        _ => null,
    };

    // Nobody owns the name and no .service file provides it, activation failed, or the owner did not answer.
    private static bool IsUnreachable(string errorName) =>
        errorName is BusErrorPrefix + "ServiceUnknown" or BusErrorPrefix + "NameHasNoOwner" or BusErrorPrefix + "NoReply"
            or BusErrorPrefix + "Disconnected" or BusErrorPrefix + "TimedOut"
        || errorName.StartsWith(BusErrorPrefix + "Spawn.", StringComparison.Ordinal);
}
