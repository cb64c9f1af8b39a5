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
            return CreateNew(Within(directory, $"{name} {now.ToString("yyyy-MM-dd HH-mm-ss", CultureInfo.InvariantCulture)}.{extension}"));
        }

        if (!LocationTemplate.HasCounter(requested))
        {
            return CreateNew(Place(LocationTemplate.Expand(requested, now, profile, counter: 0), directory));
        }

        for (var counter = 1; counter <= MaxSuffix; counter++)
        {
            var path = Place(LocationTemplate.Expand(requested, now, profile, counter), directory);
            CreateDirectoriesFor(path);
            if (TryCreate(path) is { } created)
            {
                return created;
            }
        }

        throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create an output file for '{requested}': its counter reached {MaxSuffix}");
    }

    /// <summary>An expanded location: <c>~/</c> in the owner's home, a relative path in the default directory.</summary>
    private string Place(string expanded, string? directory) =>
        expanded.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(home ?? throw new RecorderException(DomErrorName.NotAllowedError, $"the recorder's owner has no home directory for '{expanded}'"), expanded[2..])
            : Path.IsPathRooted(expanded) ? expanded : Within(directory, expanded);

    private static string Within(string? directory, string file) => Path.Combine(
        directory ?? throw new RecorderException(DomErrorName.NotAllowedError, "the recorder's owner has no home directory for recordings; give an absolute 'location' or 'outputFd'"),
        file);

    private RecordingOutput CreateNew(string path)
    {
        CreateDirectoriesFor(path);
        return CreateNew(path, files);
    }

    private void CreateDirectoriesFor(string path)
    {
        try
        {
            files.CreateDirectories(Path.GetDirectoryName(path)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': {exception.Message}");
        }
    }

    private RecordingOutput? TryCreate(string path)
    {
        try
        {
            return files.TryCreateNew(path) is { } created ? RecordingOutput.Created(path, created, files) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': {exception.Message}");
        }
    }

    /// <summary>Creates <paramref name="path"/>, or the first free numbered name after it, exclusively and with <paramref name="files"/>' rights.</summary>
    /// <exception cref="RecorderException">NotAllowedError when no such file can be created</exception>
    internal static RecordingOutput CreateNew(string path, CallerFiles files)
    {
        try
        {
            for (var suffix = 1; suffix <= MaxSuffix; suffix++)
            {
                var candidate = suffix == 1 ? path : WithSuffix(path, $"({suffix})");
                if (files.TryCreateNew(candidate) is { } created)
                {
                    return RecordingOutput.Created(candidate, created, files);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': {exception.Message}");
        }

        throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': too many files of that name exist");
    }

    /// <summary><c>dir/name.ext</c> as <c>dir/name SUFFIX.ext</c>.</summary>
    internal static string WithSuffix(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)} {suffix}{Path.GetExtension(path)}");
}
