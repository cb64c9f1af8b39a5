using System.CommandLine;
using System.CommandLine.Parsing;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

/// <summary>Recorders named on the command line: by object path, or by its number N for <c>/io/github/recorderd/recorder/N</c>.</summary>
internal static class RecorderTargets
{
    private const string PathPrefix = "/io/github/recorderd/recorder/";

    // What a service answers for a path without an object: recorderd (as GDBus) says UnknownMethod, other services UnknownObject.
    private const string NoSuchObject = "org.freedesktop.DBus.Error.UnknownObject";
    private const string NoSuchMethod = "org.freedesktop.DBus.Error.UnknownMethod";

    public static Argument<string> PathArgument(ArgumentArity arity) => new("PATH")
    {
        Description = $"The recorder: its object path ({PathPrefix}N, as `recorderctl list` shows) or just N",
        Arity = arity,
        CustomParser = Parse,
    };

    /// <summary>Opens the recorder at <paramref name="path"/>, or fails naming it when the daemon has none there.</summary>
    public static async Task<MediaRecorder> OpenExistingAsync(RecorderClient client, string path, CancellationToken cancellationToken) =>
        (await client.ListRecordersAsync(cancellationToken)).Contains(path)
            ? await client.OpenRecorderAsync(path, cancellationToken)
            : throw new CommandFailedException($"there is no recorder {path} (`recorderctl list` shows them)");

    /// <summary>Opens every recorder of the daemon; one destroyed meanwhile by another client is left out.</summary>
    public static async Task<IReadOnlyList<MediaRecorder>> OpenAllAsync(RecorderClient client, CancellationToken cancellationToken)
    {
        var opened = await Task.WhenAll((await client.ListRecordersAsync(cancellationToken)).Select(async path =>
        {
            try
            {
                return await client.OpenRecorderAsync(path, cancellationToken);
            }
            catch (RecorderClientException error) when (error.ErrorName is NoSuchObject or NoSuchMethod)
            {
                return null;
            }
        }));
        return [.. opened.OfType<MediaRecorder>()];
    }

    private static string? Parse(ArgumentResult result)
    {
        var value = result.Tokens.Single().Value;
        var number = value.StartsWith(PathPrefix, StringComparison.Ordinal) ? value[PathPrefix.Length..] : value;
        if (number.Length > 0 && number.All(char.IsAsciiDigit))
        {
            return PathPrefix + number;
        }

        result.AddError($"'{value}' is not a recorder: give its object path ({PathPrefix}N) or its number N");
        return null;
    }
}

/// <summary>A command's recorders: its PATH argument or its <c>--all</c> option, exactly one of which must be given.</summary>
internal sealed class RecorderSelection
{
    private readonly Argument<string> _path = RecorderTargets.PathArgument(ArgumentArity.ZeroOrOne);
    private readonly Option<bool> _all;

    /// <param name="allMeans">which recorders --all stands for, for its help</param>
    public RecorderSelection(Command command, string allMeans)
    {
        _all = new Option<bool>("--all") { Description = $"Instead of PATH: {allMeans} of the daemon" };
        command.Arguments.Add(_path);
        command.Options.Add(_all);
        command.Validators.Add(result =>
        {
            // Whether PATH was typed, not its value: a malformed PATH is reported by its own parser.
            if (result.GetResult(_path) is { Tokens.Count: > 0 } == result.GetValue(_all))
            {
                result.AddError("give either PATH or --all");
            }
        });
    }

    public bool IsAll(ParseResult parsed) => parsed.GetValue(_all);

    /// <summary>The recorder at PATH, or with --all every recorder of the daemon that <paramref name="appliesTo"/>.</summary>
    public async Task<IReadOnlyList<MediaRecorder>> OpenAsync(
        ParseResult parsed, RecorderClient client, Func<MediaRecorder, bool> appliesTo, CancellationToken cancellationToken) =>
        IsAll(parsed)
            ? [.. (await RecorderTargets.OpenAllAsync(client, cancellationToken)).Where(appliesTo)]
            : [await RecorderTargets.OpenExistingAsync(client, parsed.GetValue(_path)!, cancellationToken)];
}
