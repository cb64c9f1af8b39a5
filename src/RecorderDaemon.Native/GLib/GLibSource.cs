using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// A <c>GSource</c> attached to a <see cref="GLibLoop"/>'s context whose callback is a .NET delegate.
/// Disposing detaches it (<c>g_source_destroy</c> is thread-safe); the delegate is freed by the
/// source's destroy notify, so it lives exactly as long as the source.
/// </summary>
public sealed class GLibSource : IDisposable
{
    private readonly SourceHandle _source;

    private GLibSource(SourceHandle source) => _source = source;

    /// <summary>A periodic timer outlives a failing tick: the exception is reported and the timer keeps its schedule.</summary>
    internal static GLibSource AttachTimeout(GLibLoop loop, TimeSpan interval, Func<bool> onTick) =>
        Attach(loop, CreateTimeout(interval, () =>
        {
            try
            {
                return onTick();
            }
            catch (Exception exception)
            {
                NativeCallbackErrors.Report(exception);
                return true;
            }
        }));

    /// <summary>A one-shot timeout at high priority: once due, it runs before anything else ready in the same iteration.</summary>
    internal static GLibSource AttachDeadline(GLibLoop loop, TimeSpan delay, Action onDue)
    {
        var source = CreateTimeout(delay, () =>
        {
            onDue();
            return false;
        });
        Interop.GLib.g_source_set_priority(source, Interop.GLib.G_PRIORITY_HIGH);
        return Attach(loop, source);
    }

    private static unsafe SourceHandle CreateTimeout(TimeSpan interval, Func<bool> onTick)
    {
        var source = Interop.GLib.g_timeout_source_new((uint)Math.Max(0, interval.TotalMilliseconds));
        Interop.GLib.g_source_set_callback(source, &OnTick, GCHandle.ToIntPtr(GCHandle.Alloc(onTick)), &FreeState);
        return source;
    }

    internal static unsafe GLibSource AttachBusWatch(GLibLoop loop, SourceHandle busSource, Func<nint, bool> onMessage)
    {
        Interop.GLib.g_source_set_callback_bus(busSource, &OnBusMessage, GCHandle.ToIntPtr(GCHandle.Alloc(onMessage)), &FreeState);
        return Attach(loop, busSource);
    }

    /// <summary>Calls <paramref name="onReadable"/> on the loop thread whenever <paramref name="fd"/> can be read, until disposed.</summary>
    internal static unsafe GLibSource AttachReadWatch(GLibLoop loop, SafeHandle fd, Action onReadable)
    {
        var source = Interop.GLib.g_unix_fd_source_new(fd, Interop.GLib.G_IO_IN);
        Interop.GLib.g_source_set_callback_fd(source, &OnReadable, GCHandle.ToIntPtr(GCHandle.Alloc(onReadable)), &FreeState);
        return Attach(loop, source);
    }

    private static GLibSource Attach(GLibLoop loop, SourceHandle source)
    {
        Interop.GLib.g_source_attach(source, loop.Context);
        return new GLibSource(source);
    }

    public void Dispose()
    {
        if (!_source.IsClosed)
        {
            Interop.GLib.g_source_destroy(_source);
            _source.Dispose();
        }
    }

    [UnmanagedCallersOnly]
    private static int OnTick(nint state)
    {
        try
        {
            return ((Func<bool>)GCHandle.FromIntPtr(state).Target!)() ? 1 : 0;
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int OnReadable(int fd, uint condition, nint state)
    {
        try
        {
            ((Action)GCHandle.FromIntPtr(state).Target!)();
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }

        return 1;
    }

    [UnmanagedCallersOnly]
    private static int OnBusMessage(nint bus, nint message, nint state)
    {
        try
        {
            return ((Func<nint, bool>)GCHandle.FromIntPtr(state).Target!)(message) ? 1 : 0;
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
            return 1;
        }
    }

    [UnmanagedCallersOnly]
    private static void FreeState(nint state) => GCHandle.FromIntPtr(state).Free();
}
