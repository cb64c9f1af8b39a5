using System.Globalization;

namespace RecorderDaemon.Recording;

/// <summary>
/// Chooses and claims output files: <c>$XDG_VIDEOS_DIR/recorderd/</c> for anything with video,
/// <c>$XDG_MUSIC_DIR/recorderd/</c> for audio only, named <c>Recording YYYY-MM-DD HH-MM-SS.ext</c>.
/// A file is claimed by creating it exclusively, so an existing file is never overwritten: a
/// numbered suffix (<c> (2)</c>, <c> (3)</c>, …) is added instead.
/// </summary>
public sealed class OutputLocations(string videosDirectory, string musicDirectory, TimeProvider clock)
{
    private const int MaxSuffix = 10_000;

    public string VideosDirectory { get; } = videosDirectory;

    public string MusicDirectory { get; } = musicDirectory;

    /// <summary>The default directories of the current user, from the environment and <c>user-dirs.dirs</c>.</summary>
    public static OutputLocations ForCurrentUser() =>
        new(
            Path.Combine(XdgUserDirs.Lookup("XDG_VIDEOS_DIR", "Videos"), "recorderd"),
            Path.Combine(XdgUserDirs.Lookup("XDG_MUSIC_DIR", "Music"), "recorderd"),
            TimeProvider.System);

    /// <summary>Creates a new empty output file and returns its path.</summary>
    /// <param name="requested">the client's <c>location</c> option, or null for the default</param>
    /// <exception cref="RecorderException">NotAllowedError when the file cannot be created</exception>
    public string Claim(string? requested, string extension, bool hasVideo)
    {
        var path = requested ?? Path.Combine(
            hasVideo ? VideosDirectory : MusicDirectory,
            $"Recording {clock.GetLocalNow().ToString("yyyy-MM-dd HH-mm-ss", CultureInfo.InvariantCulture)}.{extension}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            for (var suffix = 1; suffix <= MaxSuffix; suffix++)
            {
                var candidate = suffix == 1 ? path : WithSuffix(path, suffix);
                if (TryCreateNew(candidate))
                {
                    return candidate;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': {exception.Message}");
        }

        throw new RecorderException(DomErrorName.NotAllowedError, $"cannot create the output file '{path}': too many files of that name exist");
    }

    private static string WithSuffix(string path, int suffix) =>
        Path.Combine(
            Path.GetDirectoryName(path)!,
            $"{Path.GetFileNameWithoutExtension(path)} ({suffix}){Path.GetExtension(path)}");

    private static bool TryCreateNew(string path)
    {
        try
        {
            using var _ = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            return false;
        }
    }
}
