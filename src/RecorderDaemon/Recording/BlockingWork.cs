using System.Collections.Concurrent;

namespace RecorderDaemon.Recording;

/// <summary>
/// Runs work that may block (the file system, device probes, name service lookups, GStreamer element construction and
/// state changes) on a thread of its own rather than the thread pool's. The bus connection reads and writes on the pool:
/// a burst of blocked work items there held every reply up for hundreds of milliseconds (16 Starts at once on 2 cores).
/// The threads are started by a starter thread, not the caller: starting a thread waits until it runs, and the loop
/// waited up to 46 ms for each when the cores were full.
/// </summary>
public static class BlockingWork
{
    private static readonly SemaphoreSlim OneAtATime = new(1);
    private static readonly BlockingCollection<Task> ToStart = Starter();

    public static Task<T> Run<T>(Func<T> work) => Queue(new Task<T>(work));

    public static Task Run(Action work) => Queue(new Task(work));

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

    private static TTask Queue<TTask>(TTask work)
        where TTask : Task
    {
        ToStart.Add(work);
        return work;
    }

    private static BlockingCollection<Task> Starter()
    {
        var toStart = new BlockingCollection<Task>();
        new Thread(() =>
        {
            foreach (var work in toStart.GetConsumingEnumerable())
            {
                new Thread(work.RunSynchronously) { IsBackground = true, Name = "blocking work" }.Start();
            }
        })
        { IsBackground = true, Name = "blocking starter" }.Start();
        return toStart;
    }
}
