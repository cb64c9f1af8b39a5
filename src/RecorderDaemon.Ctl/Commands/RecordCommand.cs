using System.CommandLine;

namespace RecorderDaemon.Ctl.Commands;

internal static class RecordCommand
{
    public static Command Create()
    {
        var recording = new RecordingArguments();
        var duration = new Option<double?>("--duration")
        {
            Description = "Stop after S seconds of recording (fractions allowed; paused time does not count)",
            HelpName = "S",
        };
        Units.RequirePositiveSeconds(duration);
        var command = new Command("record", $"""
            Record in the foreground until Ctrl+C, the end of the sources, or --duration. A status line on the
            terminal shows the state, the recorded time and the size. Ctrl+C stops cleanly: the file is
            finalized (playable and seekable) and its path is printed on stdout (each file's, one per line, when
            --max-file-duration or --max-file-size split the recording). Should recorderctl be
            killed instead, the daemon still finalizes the file.
            {RecordingArguments.SourcesHelp}
            """);
        recording.AddTo(command);
        command.Options.Add(duration);
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            using var signals = new TerminationSignals();
            // The status line's level meter, on a terminal only: elsewhere nobody sees it.
            var recorder = await recording.CreateAsync(client, parsed, stopOnDisconnect: true, cancellationToken,
                options => StatusLine.IsTerminal ? options with { LevelInterval = ForegroundRecording.MeterInterval } : options);
            var foreground = new ForegroundRecording(client, recorder);
            await recording.StartAsync(recorder, parsed, cancellationToken);
            var failure = await foreground.RunAsync(parsed.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null, signals.Token);
            foreach (var file in foreground.Files is [] ? [recorder.Location] : foreground.Files)
            {
                Console.WriteLine(file);
            }

            if (failure is not null)
            {
                await Console.Error.WriteLineAsync($"recorderctl: the recording failed: {failure}");
                return ExitCodes.RecordingFailed;
            }

            return ExitCodes.Success;
        });
    }
}
