using Microsoft.Extensions.Configuration;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Hosting;

/// <summary>
/// Where recorderd's settings come from, each source overriding the ones before it: the defaults in
/// <see cref="RecorderdOptions"/>, the optional JSON file <c>$XDG_CONFIG_HOME/recorderd/recorderd.json</c>,
/// environment variables (<c>Recorderd__MaxConcurrentRecordings=4</c>), then the command line
/// (<c>--Recorderd:MaxConcurrentRecordings=4</c> and the switches of <see cref="CommandLine"/>).
/// </summary>
internal static class ConfigurationSources
{
    public static string FilePath() => Path.Combine(XdgUserDirs.ConfigHome(), "recorderd", "recorderd.json");

    /// <summary>Adds recorderd's sources, in order, to a builder that has none (a host builder without its defaults).</summary>
    /// <exception cref="InvalidDataException">the JSON file exists but cannot be parsed</exception>
    /// <exception cref="FormatException">the command line is malformed</exception>
    public static void Add(IConfigurationBuilder configuration, string[] args)
    {
        configuration.AddJsonFile(FilePath(), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(CommandLine.ToConfigurationArgs(args));
    }
}
