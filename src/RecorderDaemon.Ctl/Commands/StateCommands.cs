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
        var path = RecorderTargets.PathArgument(ArgumentArity.ZeroOrOne);
        var all = new Option<bool>("--all") { Description = $"Instead of PATH: {allMeans} of the daemon" };
        var command = new Command(name, description) { path, all };
        command.Validators.Add(result =>
        {
            // Whether PATH was typed, not its value: a malformed PATH is reported by its own parser.
            if (result.GetResult(path) is { Tokens.Count: > 0 } == result.GetValue(all))
            {
                result.AddError("give either PATH or --all");
            }
        });
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            IReadOnlyList<MediaRecorder> recorders = parsed.GetValue(all)
                ? [.. (await RecorderTargets.OpenAllAsync(client, cancellationToken)).Where(appliesTo)]
                : [await RecorderTargets.OpenExistingAsync(client, parsed.GetValue(path)!, cancellationToken)];
            await Task.WhenAll(recorders.Select(recorder => change(recorder, cancellationToken)));
            foreach (var recorder in printsFile ? recorders : [])
            {
                Console.WriteLine(recorder.Location);
            }

            return ExitCodes.Success;
        });
    }
}
