using System.CommandLine;
using RecorderDaemon.Ctl;

var parsed = RecorderctlCommand.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"recorderctl: {error.Message}");
    }

    Console.Error.WriteLine($"Try '{RecorderctlCommand.NameOf(parsed.CommandResult)} --help'.");
    return ExitCodes.Usage;
}

// Commands that run until stopped handle SIGINT/SIGTERM themselves (TerminationSignals); the others may just die.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
