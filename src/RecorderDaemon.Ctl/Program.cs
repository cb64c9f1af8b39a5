using System.CommandLine;
using RecorderDaemon.Ctl;

var parsed = RecorderctlCommand.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    return UsageErrors.Report(parsed.CommandResult, parsed.Errors.Select(error => error.Message));
}

// Commands that run until stopped handle SIGINT/SIGTERM themselves (TerminationSignals); the others may just die.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
