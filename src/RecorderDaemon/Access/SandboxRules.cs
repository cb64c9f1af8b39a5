using RecorderDaemon.Recording;

namespace RecorderDaemon.Access;

/// <summary>
/// What an app in a Flatpak sandbox may not ask for: recorderd would reach files on its behalf that the
/// sandbox keeps from it. So it names no paths (no <c>location</c>, no <c>file://</c> source, and no
/// default location either, which it could read back through <c>Location</c>) and passes its output as an fd.
/// </summary>
public static class SandboxRules
{
    /// <exception cref="RecorderException">NotAllowedError naming what the sandboxed caller may not do</exception>
    public static void RequireAllowed(Caller caller, IEnumerable<IStreamSource> sources, RecorderOptions? options = null)
    {
        if (!caller.IsSandboxed)
        {
            return;
        }

        if (sources.FirstOrDefault(source => source.Uri.StartsWith("file:", StringComparison.Ordinal)) is { } file)
        {
            throw Refused($"may not record the file source '{file.Uri}'; pass the media to record some other way");
        }

        if (options is { Location: { } location })
        {
            throw Refused($"may not name the output file '{location}'; pass an open file as 'outputFd' instead");
        }

        if (options is { OutputFd: null })
        {
            throw Refused("must pass its output file as 'outputFd'");
        }
    }

    private static RecorderException Refused(string what) =>
        new(DomErrorName.NotAllowedError, $"a caller inside a Flatpak sandbox {what}");
}
