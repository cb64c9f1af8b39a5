using System.CommandLine;

namespace RecorderDaemon.Ctl.Commands;

internal static class TypesCommand
{
    public static Command Create()
    {
        var types = new Argument<string[]>("MIME")
        {
            Description = "Types to check, e.g. 'video/webm;codecs=vp9,opus'",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("types", """
            List the types (container and codecs) recorderd can record on this machine, one per line.
            With MIME arguments, check each as MediaRecorder.isTypeSupported() does: prints
            'MIME<TAB>supported' or 'MIME<TAB>not supported' and exits 1 when any is not supported.
            """) { types };
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var asked = parsed.GetValue(types) ?? [];
            if (asked.Length == 0)
            {
                foreach (var type in await client.GetSupportedMimeTypesAsync(cancellationToken))
                {
                    Console.WriteLine(type);
                }

                return ExitCodes.Success;
            }

            var allSupported = true;
            foreach (var type in asked)
            {
                var supported = await client.IsTypeSupportedAsync(type, cancellationToken);
                allSupported &= supported;
                Console.WriteLine($"{type}\t{(supported ? "supported" : "not supported")}");
            }

            return allSupported ? ExitCodes.Success : ExitCodes.Failed;
        });
    }
}
