using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary><c>save-replay</c>: saves the replay buffer of one recorder, or of every recorder that keeps one, printing each file.</summary>
internal static class SaveReplayCommand
{
    private const string NotSupported = "io.github.recorderd.Error.NotSupportedError";

    public static Command Create()
    {
        var command = new Command("save-replay", "Save what a replay buffer (`recorderctl replay`, or option replayBuffer) holds to a final file and print its path; the buffer goes on");
        var selection = new RecorderSelection(command, "every replay buffer");
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The file to write (default: a new 'Replay DATE TIME' file in the default directory); never overwritten, a ' (2)' is added",
            HelpName = "FILE",
        };
        command.Options.Add(output);
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var location = parsed.GetValue(output)?.FullName;
            var recorders = await selection.OpenAsync(parsed, client, recorder => recorder.State != RecordingState.Inactive, cancellationToken);
            var saved = await Task.WhenAll(recorders.Select(async recorder =>
            {
                try
                {
                    return await recorder.SaveReplayAsync(location, cancellationToken);
                }
                catch (RecorderClientException error) when (error.ErrorName == NotSupported && selection.IsAll(parsed))
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
