using System.CommandLine;

namespace RecorderDaemon.Ctl.Commands;

internal static class StartCommand
{
    public static Command Create()
    {
        var recording = new RecordingArguments();
        var command = new Command("start", $"""
            Start a recording in the background and print the recorder's PATH, then the FILE it writes, one
            per line. The recording goes on after recorderctl exits; end it with `recorderctl stop PATH`.
            {RecordingArguments.SourcesHelp}
            """);
        recording.AddTo(command);
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var recorder = await recording.CreateAsync(client, parsed, stopOnDisconnect: false, cancellationToken);
            await recording.StartAsync(recorder, parsed, cancellationToken);
            Console.WriteLine(recorder.ObjectPath);
            Console.WriteLine(recorder.Location);
            return ExitCodes.Success;
        });
    }
}
