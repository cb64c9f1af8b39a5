using System.CommandLine.Parsing;

namespace RecorderDaemon.Ctl;

/// <summary>How a wrong command line is reported: each problem on stderr, then where to read more.</summary>
internal static class UsageErrors
{
    /// <returns><see cref="ExitCodes.Usage"/></returns>
    public static int Report(CommandResult command, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"recorderctl: {problem}");
        }

        Console.Error.WriteLine($"Try '{NameOf(command)} --help'.");
        return ExitCodes.Usage;
    }

    /// <summary>The command as typed, e.g. <c>recorderctl stop</c>.</summary>
    private static string NameOf(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{NameOf(parent)} {command.Command.Name}" : "recorderctl";
}
