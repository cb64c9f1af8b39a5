using System.CommandLine;
using System.Globalization;
using System.Threading.Channels;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

internal static class WatchCommand
{
    public static Command Create() =>
        new Command("watch", """
            Print the daemon's events as they come, one line each, until Ctrl+C:
              TIME PATH EVENT [DETAILS]
            EVENT is Added or Removed (a recorder object), Started, Paused, Resumed, Stopped,
            DataAvailable (offset=, size=, timecode= in ms), Error (name: message), Warning (message)
            or, on the manager's path, DevicesChanged, DaemonExited (recorderd left the bus, its recorders
            gone) and DaemonStarted (a new recorderd came; the watch goes on with it).
            """).WithClientAction(async (_, client, cancellationToken) =>
        {
            using var signals = new TerminationSignals();
            // Handlers run on the client's receive loop, which must not block on a slow stdout: queue the lines.
            var lines = Channel.CreateUnbounded<string>();
            void Print(string path, string what) =>
                lines.Writer.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss.fff} {path} {what}"));

            client.RecorderAdded += (_, added) => Print(added.ObjectPath, "Added");
            client.RecorderRemoved += (_, removed) => Print(removed.ObjectPath, "Removed");
            client.DevicesChanged += (_, _) => Print(RecorderBus.ManagerPath, "DevicesChanged");
            client.DaemonRunningChanged += (_, running) => Print(RecorderBus.ManagerPath, running ? "DaemonStarted" : "DaemonExited");
            using var subscription = await client.WatchRecordersAsync(signal => Print(signal.ObjectPath, Describe(signal)), cancellationToken);
            var version = await client.GetVersionAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"Watching recorderd {version}; Ctrl+C to stop.");
            try
            {
                await foreach (var line in lines.Reader.ReadAllAsync(signals.Token))
                {
                    Console.WriteLine(line);
                }
            }
            catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
            {
            }

            return ExitCodes.Success;
        });

    private static string Describe(RecorderSignalEventArgs signal) => signal.Arguments switch
    {
        DataAvailableEventArgs chunk => string.Create(
            CultureInfo.InvariantCulture, $"DataAvailable offset={chunk.Offset} size={chunk.Size} timecode={chunk.TimecodeMs}"),
        RecorderErrorEventArgs error => $"Error {error.Name}: {error.Message}",
        RecorderWarningEventArgs warning => $"Warning {warning.Message}",
        _ => signal.Name,
    };
}
