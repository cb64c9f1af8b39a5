using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Where each owner's recordings go when the client names no location: the configured directories for
/// everyone when there are any; else, on the session bus, the daemon user's XDG directories (looked up
/// once), and on the system bus each caller's own, from its account's home directory (none when it has no home).
/// </summary>
public sealed class OutputDefaults(string? videosDirectory, string? musicDirectory, bool perAccount, TimeProvider clock)
{
    private const string Subdirectory = "recorderd";

    private readonly Lazy<(string? Videos, string? Music)> _daemonUsers =
        new(() => (XdgUserDirs.Lookup("XDG_VIDEOS_DIR", "Videos"), XdgUserDirs.Lookup("XDG_MUSIC_DIR", "Music")));

    public OutputLocations For(Caller owner)
    {
        var (videos, music) = videosDirectory is not null && musicDirectory is not null ? (null, null)
            : perAccount ? XdgDirectoriesOf(owner)
            : _daemonUsers.Value;
        return new OutputLocations(videosDirectory ?? Within(videos), musicDirectory ?? Within(music), owner.Home, owner.Files, clock);
    }

    /// <summary>The owner's XDG directories from its home and its <c>user-dirs.dirs</c>, read with its rights; none without a home.</summary>
    private static (string? Videos, string? Music) XdgDirectoriesOf(Caller owner)
    {
        if (owner.Home is not { } home)
        {
            return (null, null);
        }

        var userDirs = owner.Files.TryReadText(Path.Combine(home, ".config", "user-dirs.dirs"));
        return (XdgUserDirs.LookupInAccount(home, userDirs, "XDG_VIDEOS_DIR", "Videos"), XdgUserDirs.LookupInAccount(home, userDirs, "XDG_MUSIC_DIR", "Music"));
    }

    private static string? Within(string? xdgDirectory) => xdgDirectory is null ? null : Path.Combine(xdgDirectory, Subdirectory);
}
