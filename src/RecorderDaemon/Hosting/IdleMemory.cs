using System.Runtime;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Hosting;

/// <summary>
/// Gives memory back when start-up's work is done and when no recording is left: a compacting collection of the managed
/// heap and a trim of the C heap. Finished pipelines free their buffers, but glibc keeps freed pages in its arenas and the
/// GC keeps its budgets: after 32 recordings at once had ended, RSS stayed 57-139 MB above idle (make bench); start-up's
/// garbage kept 2.5 MB. <see cref="Follow"/> lives on the loop thread.
/// </summary>
internal sealed class IdleMemory(GLibLoop loop, Recorders recorders)
{
    /// <summary>
    /// How long after the last recording ended memory is given back. The pipelines' streaming threads exit one by one after
    /// their pipelines are freed, and free what they held as they go: after 32 recordings at once, the 128 threads took
    /// half a second to exit on 2 cores, and a trim straight after the last Stopped left 7 MB that a trim after them gave back.
    /// </summary>
    internal static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private GLibSource? _giveBack;

    /// <summary>
    /// Gives back once this recorder's recording has ended and, for <see cref="QuietPeriod"/>, no other has: another recorder,
    /// inactive since its stop(), may still be shutting its pipeline down. Posted, to run once the session has completed.
    /// </summary>
    public void Follow(MediaRecorder recorder) => recorder.Stopped += () => loop.Post(() =>
    {
        _giveBack?.Dispose();
        _giveBack = loop.AddDeadline(QuietPeriod, () =>
        {
            _giveBack?.Dispose();
            _giveBack = null;
            if (!recorders.AnyBusy)
            {
                BlockingWork.Run(GiveBack);
            }
        });
    });

    /// <summary>Blocks while the whole managed heap is collected.</summary>
    public static void GiveBack()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }
}
