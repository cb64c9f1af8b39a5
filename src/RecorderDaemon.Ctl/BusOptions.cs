using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

/// <summary>Which bus recorderd is on: the session bus unless told otherwise; valid on every command.</summary>
internal static class BusOptions
{
    public static readonly Option<string?> Address = new("--bus-address")
    {
        Description = "Talk to recorderd on the bus at ADDRESS (e.g. unix:path=/run/user/1000/bus) instead of the session bus",
        HelpName = "ADDRESS",
        Recursive = true,
    };

    public static readonly Option<bool> System = new("--system")
    {
        Description = "Talk to recorderd on the system bus",
        Recursive = true,
    };

    public static Task<RecorderClient> ConnectAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        RecorderClient.ConnectAsync(parsed.GetValue(Address), parsed.GetValue(System), cancellationToken);
}
