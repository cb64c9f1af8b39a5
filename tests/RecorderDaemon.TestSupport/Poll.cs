namespace RecorderDaemon.TestSupport;

/// <summary>Waiting for something that cannot be told about, only observed.</summary>
public static class Poll
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">it did not hold within the timeout; the message names <paramref name="what"/></exception>
    public static void Until(Func<bool> condition, string what = "the condition", TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout).GetAwaiter().GetResult();

    /// <inheritdoc cref="Until"/>
    /// <param name="interval">how long to wait between two checks</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what = "the condition", TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }
}
