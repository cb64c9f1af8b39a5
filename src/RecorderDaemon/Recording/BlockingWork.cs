namespace RecorderDaemon.Recording;

/// <summary>
/// Runs work that may block (the file system, device probes, name service lookups, GStreamer element construction and
/// state changes) on a thread of its own rather than the thread pool's. The bus connection reads and writes on the pool:
/// a burst of blocked work items there held every reply up for hundreds of milliseconds (16 Starts at once on 2 cores).
/// </summary>
public static class BlockingWork
{
    private static readonly SemaphoreSlim OneAtATime = new(1);

    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// As <see cref="Run{T}"/>, one such work item at a time: work that mostly computes (building a pipeline) then shares the
    /// cores with the loop and the bus connection as one thread. Run side by side, 16 builds got as many time slices as the
    /// loop thread, whose answers then waited 130 ms (p99) behind them.
    /// </summary>
    public static Task<T> RunInTurn<T>(Func<T> work) => Run(() =>
    {
        OneAtATime.Wait();
        try
        {
            return work();
        }
        finally
        {
            OneAtATime.Release();
        }
    });
}
