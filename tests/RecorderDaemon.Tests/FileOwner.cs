namespace RecorderDaemon.Tests.Access;

/// <summary>The uid that owns a file, as <c>stat</c> tells (.NET has no API for it).</summary>
internal static class FileOwner
{
    public static uint Of(string path) => uint.Parse(ChildProcess.Succeed("stat", "--format=%u", path).Trim());
}
