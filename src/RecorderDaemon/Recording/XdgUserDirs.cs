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

    /// <summary><c>$XDG_CONFIG_HOME</c>, else <c>$HOME/.config</c>.</summary>
    public static string ConfigHome() => BaseDirectory("XDG_CONFIG_HOME", ".config");

    /// <summary><c>$XDG_STATE_HOME</c>, else <c>$HOME/.local/state</c>.</summary>
    public static string StateHome() => BaseDirectory("XDG_STATE_HOME", Path.Combine(".local", "state"));

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

    /// <summary>The variable when it is an absolute path (the base directory spec ignores others), else <c>$HOME/</c><paramref name="underHome"/>.</summary>
    private static string BaseDirectory(string variable, string underHome) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } directory && Path.IsPathFullyQualified(directory)
            ? directory
            : Path.Combine(Home(), underHome);

    private static string Home() => Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
