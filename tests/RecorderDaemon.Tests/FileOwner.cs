namespace RecorderDaemon.Tests;

/// <summary>Who owns a file, as <c>stat</c> tells (.NET has no API for it).</summary>
internal static class FileOwner
{
    public static uint Of(string path) => uint.Parse(Stat("%u", path));

    /// <summary>The owning user and group, as <c>UID:GID</c>.</summary>
    public static string UserAndGroupOf(string path) => Stat("%u:%g", path);

    private static string Stat(string format, string path) => ChildProcess.Succeed("stat", $"--format={format}", path).Trim();
}
