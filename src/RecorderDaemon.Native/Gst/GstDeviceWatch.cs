namespace RecorderDaemon.Native;

/// <summary>
/// A started <c>GstDeviceMonitor</c> whose bus is watched on a <see cref="GLibLoop"/>: each
/// device-added or device-removed message that passes the class filters calls the change handler
/// on the loop thread. Dispose on the loop thread: it removes the watch and leaves the monitor started.
/// </summary>
/// <remarks>
/// Device providers are process-wide singletons, and GStreamer 1.22 with PipeWire 0.3.65 does not
/// cope with a second monitor using the started PipeWire provider: after another monitor listed
/// devices, this one saw no more changes, and the process later aborted in free(). So while a watch
/// runs, devices are listed from its own monitor (<see cref="Devices"/>) and no other monitor is made.
/// Nor is the monitor ever stopped: PipeWire's provider before 0.3.73 destroys its registry proxy without
/// locking PipeWire's loop (PipeWire issue 3324), so stopping it while PipeWire events arrive, such as a
/// finished recording's node going away, corrupts the heap (a double free at shutdown). The providers are
/// singletons anyway, and the daemon stops watching only to exit.
/// </remarks>
public sealed class GstDeviceWatch : IDisposable
{
    private readonly GObjectHandle _monitor;
    private readonly GLibSource _watch;
    private readonly Lock _lock = new();

    private GstDeviceWatch(GObjectHandle monitor, GLibSource watch)
    {
        _monitor = monitor;
        _watch = watch;
    }

    /// <summary>
    /// Starts the device providers (which may block while they probe, so never on a loop thread) and
    /// then watches the monitor's bus. The devices found while starting are not reported as changes.
    /// </summary>
    /// <param name="deviceClasses">class filters such as <c>Audio/Source</c></param>
    /// <param name="providers">the device provider factories to use (see <see cref="GstDeviceMonitor.New"/>)</param>
    /// <param name="onChange">called on the loop thread with <see cref="GstMessageKind.DeviceAdded"/> or <see cref="GstMessageKind.DeviceRemoved"/></param>
    /// <exception cref="InvalidOperationException">called on the loop thread, or no device provider could be started</exception>
    public static GstDeviceWatch Start(GLibLoop loop, IEnumerable<string> deviceClasses, IReadOnlySet<string> providers, Action<GstMessageKind> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        if (loop.IsLoopThread)
        {
            throw new InvalidOperationException("GstDeviceWatch.Start probes devices and must not run on the GLib loop thread");
        }

        var monitor = GstDeviceMonitor.New(deviceClasses, providers);
        var started = false;
        try
        {
            if (!Interop.Gst.gst_device_monitor_start(monitor))
            {
                throw new InvalidOperationException("no GStreamer device provider could be started to watch for devices");
            }

            started = true;

            using var bus = GObjectHandle.TakeFull(Interop.Gst.gst_device_monitor_get_bus(monitor));
            // Drop the device-added messages of the providers' initial probe: those devices were there all along.
            Interop.Gst.gst_bus_set_flushing(bus, true);
            Interop.Gst.gst_bus_set_flushing(bus, false);
            var watch = GLibSource.AttachBusWatch(loop, Interop.Gst.gst_bus_create_watch(bus), message =>
            {
                if (GstBusMessage.Read(message).Kind is var kind and (GstMessageKind.DeviceAdded or GstMessageKind.DeviceRemoved))
                {
                    onChange(kind);
                }

                return true;
            });
            return new GstDeviceWatch(monitor, watch);
        }
        catch
        {
            if (started)
            {
                Interop.Gst.gst_device_monitor_stop(monitor);
            }

            monitor.Dispose();
            throw;
        }
    }

    /// <summary>The devices the started providers know now (no probing); any thread.</summary>
    /// <exception cref="ObjectDisposedException">the watch was stopped</exception>
    public IReadOnlyList<GstDeviceInfo> Devices(IReadOnlyList<string> propertyNames)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_monitor.IsClosed, this);
            return GstDeviceMonitor.List(_monitor, propertyNames);
        }
    }

    /// <summary>Stops reporting changes; the monitor stays started, and referenced, until the process exits (see remarks).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_monitor.IsClosed)
            {
                return;
            }

            _watch.Dispose();
            using (var bus = GObjectHandle.TakeFull(Interop.Gst.gst_device_monitor_get_bus(_monitor)))
            {
                // Changes are still posted; with no watch they would pile up on the bus.
                Interop.Gst.gst_bus_set_flushing(bus, true);
            }

            // Unreferencing a started monitor would free it under its running providers.
            _monitor.SetHandleAsInvalid();
        }
    }
}
