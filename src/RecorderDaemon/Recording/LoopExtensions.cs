namespace RecorderDaemon.Recording;

public static class LoopExtensions
{
    /// <summary>Runs <paramref name="function"/> on the loop thread; the task completes, off the loop, with its result or exception.</summary>
    public static Task<T> InvokeAsync<T>(this ILoop loop, Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(() =>
        {
            try
            {
                done.SetResult(function());
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        });
        return done.Task;
    }

    public static Task InvokeAsync(this ILoop loop, Action action) => loop.InvokeAsync(() =>
    {
        action();
        return true;
    });
}
