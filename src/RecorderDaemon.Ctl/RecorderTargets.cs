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
