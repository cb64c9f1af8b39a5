namespace RecorderDaemon.Recording;

/// <summary>Reads the xdg-user-dirs settings: the environment first, then <c>$XDG_CONFIG_HOME/user-dirs.dirs</c>, then <c>$HOME/&lt;fallback&gt;</c>.</summary>
internal static class XdgUserDirs
{
    public static string Lookup(string key, string fallbackName)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return FromFile(Path.Combine(ConfigHome(), "user-dirs.dirs"), key, home) ?? Path.Combine(home, fallbackName);
    }

    /// <summary><c>$XDG_CONFIG_HOME</c> when it is an absolute path (the base directory spec ignores others), else <c>$HOME/.config</c>.</summary>
    public static string ConfigHome()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config && Path.IsPathFullyQualified(config)
            ? config
            : Path.Combine(home, ".config");
    }

    /// <summary>Lines look like <c>XDG_VIDEOS_DIR="$HOME/Videos"</c>; only <c>$HOME</c> is expanded, as the format allows.</summary>
    internal static string? FromFile(string file, string key, string home)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
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
}
