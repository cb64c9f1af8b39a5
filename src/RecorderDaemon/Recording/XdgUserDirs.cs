namespace RecorderDaemon.Recording;

/// <summary>Reads the xdg-user-dirs settings (<c>user-dirs.dirs</c>: lines like <c>XDG_VIDEOS_DIR="$HOME/Videos"</c>).</summary>
internal static class XdgUserDirs
{
    /// <summary>The daemon user's: the environment first, then <c>$XDG_CONFIG_HOME/user-dirs.dirs</c>, then <c>$HOME/&lt;fallback&gt;</c>.</summary>
    public static string Lookup(string key, string fallbackName)
    {
        if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var file = Path.Combine(ConfigHome(), "user-dirs.dirs");
        return LookupInAccount(Home(), File.Exists(file) ? File.ReadAllText(file) : null, key, fallbackName);
    }

    /// <summary>Another user's, from the text of its <c>user-dirs.dirs</c> (null when it has none), else <c>HOME/&lt;fallback&gt;</c>.</summary>
    public static string LookupInAccount(string home, string? userDirs, string key, string fallbackName) =>
        (userDirs is null ? null : FromText(userDirs, key, home)) ?? Path.Combine(home, fallbackName);

    /// <summary><c>$XDG_CONFIG_HOME</c> when it is an absolute path (the base directory spec ignores others), else <c>$HOME/.config</c>.</summary>
    public static string ConfigHome() =>
        Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config && Path.IsPathFullyQualified(config)
            ? config
            : Path.Combine(Home(), ".config");

    /// <summary>Only <c>$HOME</c> is expanded, as the format allows.</summary>
    internal static string? FromText(string userDirs, string key, string home)
    {
        foreach (var line in userDirs.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith(key + "=", StringComparison.Ordinal))
            {
                continue;
            }

            var value = trimmed[(key.Length + 1)..].Trim('"');
            value = value.StartsWith("$HOME", StringComparison.Ordinal) ? home + value[5..] : value;
            return Path.IsPathFullyQualified(value) ? value : null;
        }

        return null;
    }

    private static string Home() => Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
