using System.CommandLine;
using RecorderDaemon.Ctl.Commands;

namespace RecorderDaemon.Ctl;

/// <summary>The command tree of recorderctl.</summary>
internal static class RecorderctlCommand
{
    private const string Description = $"""
        Control recorderd, the recording daemon, over D-Bus: record audio and video from PipeWire,
        V4L2 cameras, test sources and files into WebM or Ogg files.

        Examples:
          recorderctl record -o ~/talk.webm                 record the default microphone until Ctrl+C
          recorderctl record --video 'test:video?pattern=ball' --audio test:audio --duration 5
          recorderctl devices                               what can be recorded (each DEVICE is a source URI)
          p=$(recorderctl start --video v4l2:/dev/video0 | head -n1)
          recorderctl pause $p; recorderctl resume $p; recorderctl stop $p
          recorderctl stop --all                            stop every recording, print the finished files
          recorderctl replay --screen --seconds 60          keep the last minute of the screen; Enter saves it

        The daemon is reached on the session bus (started on demand once installed); see --bus-address
        and --system. Every command has its own --help.

        {ExitCodes.Help}
        """;

    public static RootCommand Create()
    {
        var root = new RootCommand(Description);
        root.SetAction(parsed => UsageErrors.Report(parsed.CommandResult, ["no command given"]));
        root.Options.Add(BusOptions.Address);
        root.Options.Add(BusOptions.System);
        Command[] commands =
        [
            RecordCommand.Create(),
            StartCommand.Create(),
            ReplayCommand.Create(),
            SaveReplayCommand.Create(),
            .. StateCommands.Create(),
            ListCommand.Create(),
            StatusCommand.Create(),
            WatchCommand.Create(),
            DevicesCommand.Create(),
            TypesCommand.Create(),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
