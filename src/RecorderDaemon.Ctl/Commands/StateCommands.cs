using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary><c>stop</c>, <c>pause</c>, <c>resume</c> and <c>destroy</c>: one method on one recorder, or on all those it applies to.</summary>
internal static class StateCommands
{
    public static IEnumerable<Command> Create() =>
    [
        Create("stop", "Stop a recording; once its file is final (playable, seekable) print the file",
            "every recording or paused recorder", recorder => recorder.State != RecordingState.Inactive, (recorder, cancellation) => recorder.StopAsync(cancellation), printsFile: true),
        Create("pause", "Pause a recording; the paused time is left out of the file",
            "every recording recorder", recorder => recorder.State == RecordingState.Recording, (recorder, cancellation) => recorder.PauseAsync(cancellation)),
        Create("resume", "Resume a paused recording",
            "every paused recorder", recorder => recorder.State == RecordingState.Paused, (recorder, cancellation) => recorder.ResumeAsync(cancellation)),
        Create("destroy", "Remove a recorder from the daemon, finalizing its recording first",
            "every recorder", _ => true, (recorder, cancellation) => recorder.DestroyAsync(cancellation)),
    ];

    private static Command Create(
        string name, string description, string allMeans, Func<MediaRecorder, bool> appliesTo, Func<MediaRecorder, CancellationToken, Task> change, bool printsFile = false)
    {
        var command = new Command(name, description);
        var selection = new RecorderSelection(command, allMeans);
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var recorders = await selection.OpenAsync(parsed, client, appliesTo, cancellationToken);
            await Task.WhenAll(recorders.Select(recorder => change(recorder, cancellationToken)));
            foreach (var recorder in printsFile ? recorders : [])
            {
                Console.WriteLine(recorder.Location);
            }

            return ExitCodes.Success;
        });
    }
}
