namespace RecorderDaemon.Tests;

/// <summary>Waiting for something a test cannot be told about, only observe.</summary>
internal static class Poll
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after the timeout.</summary>
    public static void Until(Func<bool> condition, string what = "the condition", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting for {what}");
            Thread.Sleep(Interval);
        }
    }
}
