namespace RecorderDaemon.Tests;

/// <summary>For tests that take other users' identities or make namespaces: root only, as CI runs them; skipped otherwise.</summary>
internal static class RootOnly
{
    /// <param name="why">what needs root, for the skip message</param>
    public static void Require(string why)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore($"needs root: {why}");
        }
    }
}
