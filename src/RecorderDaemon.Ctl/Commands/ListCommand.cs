using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

internal static class ListCommand
{
    public static Command Create() =>
        new Command("list", """
            List the daemon's recorders, whoever created them: PATH, STATE (inactive, recording, paused),
            recorded TIME, SIZE and FILE (the current or last recording's).
            """).WithClientAction(async (_, client, cancellationToken) =>
        {
            var table = new Table("PATH", "STATE", "TIME", "SIZE", "FILE");
            foreach (var recorder in await RecorderTargets.OpenAllAsync(client, cancellationToken))
            {
                table.Add(recorder.ObjectPath, recorder.State.ToSpecName(), Units.Time(recorder.Duration), Units.Size(recorder.BytesWritten), recorder.Location);
            }

            table.Print();
            return ExitCodes.Success;
        });
}
