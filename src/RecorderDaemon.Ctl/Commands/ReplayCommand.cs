using System.CommandLine;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

/// <summary>
/// <c>replay</c>: a replay buffer in the foreground. The last seconds are kept in the daemon's memory; Enter or SIGUSR1
/// saves them (the path printed on stdout, one per save) and the buffer goes on; Ctrl+C ends it without saving.
/// </summary>
internal static class ReplayCommand
{
    private const int SIGUSR1 = 10;

    public static Command Create()
    {
        var recording = new RecordingArguments(replay: true);
        var seconds = new Option<uint>("--seconds")
        {
            Description = "Keep at least the last S seconds (1 to 3600)",
            HelpName = "S",
            DefaultValueFactory = _ => 30,
        };
        seconds.Validators.Add(result =>
        {
            if (result.GetValue(seconds) is < 1 or > 3600)
            {
                result.AddError("--seconds must be 1 to 3600");
            }
        });
        var maxBytes = new Option<ulong?>("--max-bytes")
        {
            Description = "Keep at most SIZE bytes (K, M or G suffixes allowed), even if that is fewer seconds",
            HelpName = "SIZE",
            CustomParser = Units.ParseSize,
        };
        var command = new Command("replay", $"""
            Keep the last seconds of a recording in memory, without writing a file, until Ctrl+C. Enter (on a
            terminal) or SIGUSR1 (`pkill -USR1 -f 'recorderctl replay'`) saves them to a new, final file, named
            'Replay DATE TIME' in the default directory or after --output, and prints its path on stdout; the
            buffer goes on. Ctrl+C ends it without saving.
            {RecordingArguments.SourcesHelp}
            """);
        recording.AddTo(command);
        command.Options.Add(seconds);
        command.Options.Add(maxBytes);
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            using var signals = new TerminationSignals();
            var saves = Channel.CreateUnbounded<string>();
            using var saveSignal = PosixSignalRegistration.Create((PosixSignal)SIGUSR1, context =>
            {
                context.Cancel = true;
                saves.Writer.TryWrite("SIGUSR1");
            });
            var recorder = await recording.CreateAsync(client, parsed, stopOnDisconnect: true, cancellationToken, options => options with
            {
                ReplayBuffer = TimeSpan.FromSeconds(parsed.GetValue(seconds)),
                ReplayBufferMaxBytes = parsed.GetValue(maxBytes),
            });
            var foreground = new ForegroundRecording(client, recorder, replay: true);
            await recording.StartAsync(recorder, parsed, cancellationToken);
            _ = ForwardEnterAsync(saves.Writer, signals.Token);

            var running = foreground.RunAsync(limit: null, signals.Token);
            while (true)
            {
                var save = saves.Reader.WaitToReadAsync(signals.Token).AsTask();
                if (await Task.WhenAny(save, running) == running || save.IsCanceled)
                {
                    break;
                }

                while (saves.Reader.TryRead(out _))
                {
                    var path = await recorder.SaveReplayAsync(recording.SaveLocation(parsed), cancellationToken);
                    foreground.Print($"Saved {path}");
                    Console.WriteLine(path);
                }
            }

            var failure = await running;
            if (failure is not null)
            {
                await Console.Error.WriteLineAsync($"recorderctl: the replay buffer failed: {failure}");
                return ExitCodes.RecordingFailed;
            }

            return ExitCodes.Success;
        });
    }

    /// <summary>Each line typed on a terminal asks for a save; without one (stdin closed or redirected), only SIGUSR1 does.</summary>
    private static async Task ForwardEnterAsync(ChannelWriter<string> saves, CancellationToken stop)
    {
        if (Console.IsInputRedirected)
        {
            return;
        }

        while (await Console.In.ReadLineAsync(stop) is not null)
        {
            saves.TryWrite("Enter");
        }
    }
}
