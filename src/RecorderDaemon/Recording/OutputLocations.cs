using System.Globalization;
using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Chooses and creates one owner's output files, with the owner's rights: by default in
/// <c>$XDG_VIDEOS_DIR/recorderd/</c> for anything with video, <c>$XDG_MUSIC_DIR/recorderd/</c> for audio
/// only, named <c>Recording YYYY-MM-DD HH-MM-SS.ext</c>. A file is created exclusively and never through a
/// symbolic link, so an existing file is never overwritten: a numbered suffix (<c> (2)</c>, <c> (3)</c>, …)
/// is added instead. Missing directories are made as the owner, so only where the owner could make them. A requested
/// location may be a <see cref="LocationTemplate"/>.
/// </summary>
/// <param name="videosDirectory">the default for recordings with video; null when the owner has none (no home directory)</param>
/// <param name="musicDirectory">the default for audio-only recordings; null likewise</param>
/// <param name="home">the owner's home directory, for a location starting with <c>~/</c>; null when it has none</param>
public sealed class OutputLocations(string? videosDirectory, string? musicDirectory, string? home, CallerFiles files, TimeProvider clock)
{
    private const int MaxSuffix = 10_000;

    public string? VideosDirectory { get; } = videosDirectory;

    public string? MusicDirectory { get; } = musicDirectory;

    /// <summary>Whether a recording without a <c>location</c> has somewhere to go.</summary>
    public bool HasDefaults => VideosDirectory is not null && MusicDirectory is not null;

    /// <summary>Creates a new empty output file, open for writing.</summary>
    /// <param name="requested">the client's <c>location</c> option, a <see cref="LocationTemplate"/>, or null for the default</param>
    /// <param name="name">what a default file name starts with, before its date</param>
    /// <param name="profile">the recorder's profile, for <c>%p</c></param>
    /// <exception cref="RecorderException">NotAllowedError when the owner cannot create the file or has no default directory (or home, for <c>~/</c>)</exception>
    public RecordingOutput Claim(string? requested, string extension, bool hasVideo, string name = "Recording", string? profile = null)
    {
        var directory = hasVideo ? VideosDirectory : MusicDirectory;
        var now = clock.GetLocalNow();
        if (requested is null)
        {
            return CreateFirstFree(files, Numbered(Within(directory, $"{name} {now.ToString("yyyy-MM-dd HH-mm-ss", CultureInfo.InvariantCulture)}.{extension}")));
        }

        return CreateFirstFree(files, LocationTemplate.HasCounter(requested)
            ? Enumerable.Range(1, MaxSuffix).Select(counter => Place(LocationTemplate.Expand(requested, now, profile, counter), directory))
            : Numbered(Place(LocationTemplate.Expand(requested, now, profile, counter: 0), directory)));
    }

    /// <summary><paramref name="path"/>, then the same with <c> (2)</c>, <c> (3)</c>, … before its extension.</summary>
    internal static IEnumerable<string> Numbered(string path) =>
        Enumerable.Range(1, MaxSuffix).Select(suffix => suffix == 1 ? path : WithSuffix(path, $"({suffix})"));

    /// <summary>
    /// Creates the first of <paramref name="candidates"/> that does not exist yet, exclusively and with <paramref name="files"/>'
    /// rights, making its missing directories.
    /// </summary>
    /// <exception cref="RecorderException">NotAllowedError when a file or directory cannot be created, or every candidate exists</exception>
    internal static RecordingOutput CreateFirstFree(CallerFiles files, IEnumerable<string> candidates)
    {
        string? first = null;
        foreach (var candidate in candidates)
        {
            first ??= candidate;
            try
            {
                files.CreateDirectories(Path.GetDirectoryName(candidate)!);
                if (files.TryCreateNew(candidate) is { } created)
                {
                    return RecordingOutput.Created(candidate, created, files);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{candidate}': {exception.Message}");
            }
        }

        throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{first}': too many files of that name exist");
    }

    /// <summary>An expanded location: <c>~/</c> in the owner's home, a relative path in the default directory.</summary>
    private string Place(string expanded, string? directory) =>
        expanded.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(home ?? throw new RecorderException(DomErrorName.NotAllowedError, $"the recorder's owner has no home directory for '{expanded}'"), expanded[2..])
            : Path.IsPathRooted(expanded) ? expanded : Within(directory, expanded);

    private static string Within(string? directory, string file) => Path.Combine(
        directory ?? throw new RecorderException(DomErrorName.NotAllowedError, "the recorder's owner has no home directory for recordings; give an absolute 'location' or 'outputFd'"),
        file);

    /// <summary><c>dir/name.ext</c> as <c>dir/name SUFFIX.ext</c>.</summary>
    internal static string WithSuffix(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)} {suffix}{Path.GetExtension(path)}");
}
