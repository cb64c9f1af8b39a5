namespace RecorderDaemon.Hosting;

/// <summary>Maps recorderd's switches onto configuration keys, so the command line is one more configuration source.</summary>
internal static class CommandLine
{
    public static string[] ToConfigurationArgs(string[] args)
    {
        var mapped = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            mapped.AddRange(args[i] switch
            {
                "--system" => [$"--{RecorderdOptions.Section}:SystemBus=true"],
                "--activated" => [$"--{RecorderdOptions.Section}:Activated=true"],
                "--bus-address" when i + 1 < args.Length => [$"--{RecorderdOptions.Section}:BusAddress={args[++i]}"],
                var other when other.StartsWith("--bus-address=", StringComparison.Ordinal) =>
                    [$"--{RecorderdOptions.Section}:BusAddress={other["--bus-address=".Length..]}"],
                var other => [other],
            });
        }

        return [.. mapped];
    }
}
