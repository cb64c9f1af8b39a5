using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Where each owner's recordings go when the client names no location: the configured directories for
/// everyone when there are any; else, on the session bus, the daemon user's XDG directories, and on the
/// system bus each caller's own, from its account's home directory (none when it has no home).
/// </summary>
public sealed class OutputDefaults(string? videosDirectory, string? musicDirectory, bool perAccount, TimeProvider clock)
{
    private const string Subdirectory = "recorderd";

    public OutputLocations For(Caller owner)
    {
        if (!perAccount)
        {
            return new OutputLocations(
                videosDirectory ?? Path.Combine(XdgUserDirs.Lookup("XDG_VIDEOS_DIR", "Videos"), Subdirectory),
                musicDirectory ?? Path.Combine(XdgUserDirs.Lookup("XDG_MUSIC_DIR", "Music"), Subdirectory),
                owner.Files,
                clock);
        }

        if (owner.Home is not { } home)
        {
            return new OutputLocations(videosDirectory, musicDirectory, owner.Files, clock);
        }

        var userDirs = owner.Files.TryReadText(Path.Combine(home, ".config", "user-dirs.dirs"));
        return new OutputLocations(
            videosDirectory ?? Path.Combine(XdgUserDirs.LookupInAccount(home, userDirs, "XDG_VIDEOS_DIR", "Videos"), Subdirectory),
            musicDirectory ?? Path.Combine(XdgUserDirs.LookupInAccount(home, userDirs, "XDG_MUSIC_DIR", "Music"), Subdirectory),
            owner.Files,
            clock);
    }
}
