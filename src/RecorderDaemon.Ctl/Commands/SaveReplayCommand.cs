using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary><c>save-replay</c>: saves the replay buffer of one recorder, or of every recorder that keeps one, printing each file.</summary>
internal static class SaveReplayCommand
{
    private const string NotSupported = "io.github.recorderd.Error.NotSupportedError";

    public static Command Create()
    {
        var path = RecorderTargets.PathArgument(ArgumentArity.ZeroOrOne);
        var all = new Option<bool>("--all") { Description = "Instead of PATH: every recorder of the daemon that keeps a replay buffer" };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The file to write (default: a new 'Replay DATE TIME' file in the default directory); never overwritten, a ' (2)' is added",
            HelpName = "FILE",
        };
        var command = new Command("save-replay", "Save what a replay buffer (`recorderctl replay`, or option replayBuffer) holds to a final file and print its path; the buffer goes on")
        {
            path, all, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(path) is { Tokens.Count: > 0 } == result.GetValue(all))
            {
                result.AddError("give either PATH or --all");
            }
        });
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var location = parsed.GetValue(output)?.FullName;
            if (!parsed.GetValue(all))
            {
                var recorder = await RecorderTargets.OpenExistingAsync(client, parsed.GetValue(path)!, cancellationToken);
                Console.WriteLine(await recorder.SaveReplayAsync(location, cancellationToken));
                return ExitCodes.Success;
            }

            var active = (await RecorderTargets.OpenAllAsync(client, cancellationToken)).Where(recorder => recorder.State != RecordingState.Inactive);
            var saved = await Task.WhenAll(active.Select(async recorder =>
            {
                try
                {
                    return await recorder.SaveReplayAsync(location, cancellationToken);
                }
                catch (RecorderClientException error) when (error.ErrorName == NotSupported)
                {
                    return null; // records into a file, not a replay buffer
                }
            }));
            foreach (var file in saved.OfType<string>())
            {
                Console.WriteLine(file);
            }

            return ExitCodes.Success;
        });
    }
}
