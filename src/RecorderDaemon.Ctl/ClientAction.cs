using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

internal static class ClientAction
{
    /// <summary>
    /// Makes <paramref name="run"/> the command's action: it gets a client connected as <see cref="BusOptions"/>
    /// say and returns the exit code; a failure is printed to stderr as one line with its exit code.
    /// </summary>
    public static Command WithClientAction(this Command command, Func<ParseResult, RecorderClient, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                await using var client = await BusOptions.ConnectAsync(parsed, cancellationToken);
                return await run(parsed, client, cancellationToken);
            }
            catch (Exception error) when (CommandFailure.Describe(error) is var (message, exitCode))
            {
                await Console.Error.WriteLineAsync($"recorderctl: {message}");
                return exitCode;
            }
        });
        return command;
    }
}
