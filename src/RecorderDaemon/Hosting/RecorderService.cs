using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecorderDaemon.Access;
using RecorderDaemon.Bus;
using RecorderDaemon.Bus.Desktop;
using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Hosting;

/// <summary>
/// Puts recorderd on the bus: connects while GStreamer initializes, registers the manager, then owns <c>io.github.recorderd</c>,
/// so the host (and systemd's READY=1) reports started only once clients can reach it. What later calls need (the device
/// watch, the plugins of a default recording) is set up after that, in the background. The device
/// monitor turns capture devices appearing or vanishing into Manager1's DevicesChanged. On stop,
/// every recording is finalized before the name is released, and the device watch is removed on the loop.
/// Started with <c>--activated</c>, it stops the host after <see cref="RecorderdOptions.IdleExitSeconds"/>
/// without recorders. Losing the bus stops the host the same way, but as a failure (<see cref="Failure"/>), so
/// that systemd's <c>Restart=on-failure</c> brings recorderd back: no recording goes on out of every client's reach.
/// </summary>
public sealed class RecorderService(
    GLibLoop loop, IOptions<RecorderdOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggers, StartupClock clock)
    : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<RecorderService>();
    private BusConnection? _connection;
    private Recorders? _recorders;
    private RecorderRegistry? _registry;
    private IDisposable? _connectionsLeaving;
    private bool _ownsName;
    private IdleExit? _idleExit;
    private DisplayMedia? _displayMedia;
    private RecordingNotifications? _notifications;
    private RecordingIndicator? _indicator;
    private Task<GstDeviceWatch?>? _devices;
    private bool _stopping;

    /// <summary>Why the service stopped on its own as a failure, or null.</summary>
    public string? Failure { get; private set; }

    public static string Version { get; } =
        typeof(RecorderService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        LogStep("host built");
        // The registry loads on the loop thread while the bus connects; calls are dispatched on that thread after it.
        var gstreamer = loop.InvokeAsync(() =>
        {
            GstRuntime.Initialize();
            LogStep("GStreamer initialized");
        });
        _connection = await BusConnection.ConnectAsync(settings.BusAddress is { Length: > 0 } address ? address : null, settings.SystemBus);
        LogStep("connected to the bus");
        await gstreamer;

        var replies = new BusReplies(loggers.CreateLogger<BusReplies>());
        var access = new CallerAccess(loop, _connection, settings.SystemBus);
        var objects = new BusObjectTree(loop, replies);
        var devicesStarted = new TaskCompletionSource<GstDeviceWatch?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _devices = devicesStarted.Task;
        var captureDevices = new CaptureDevices(_devices);
        var crashes = EncoderCrashMemory.Load(Path.Combine(XdgUserDirs.StateHome(), "recorderd"), loggers.CreateLogger<EncoderCrashMemory>());
        var pipelines = new GstRecordingPipelineFactory(
            loop, TimeSpan.FromSeconds(settings.StopTimeoutSeconds), new EncoderRanking(settings.VideoEncoders, crashes.Skipped), crashes);
        var context = new RecorderContext(new GLibRecorderLoop(loop), new GstFormatCatalog(), pipelines, Outputs(settings), loggers.CreateLogger<MediaRecorder>(),
            new FreeSpaceMinimum(settings.MinimumFreeSpaceBytes));
        var limits = new RecorderLimits(
            settings.MaxConcurrentRecordings, settings.MaxRecordersPerClient, settings.MaxConcurrentRecordingsPerUser, PerUser: settings.SystemBus);
        var screens = new ScreenSessions();
        _recorders = new Recorders(context, new SourceResolver(captureDevices, screens), limits);
        _registry = new RecorderRegistry(loop, _connection, objects, replies, access, _recorders, captureDevices, loggers.CreateLogger<RecorderRegistry>());
        _registry.Added += new IdleMemory(loop, _recorders).Follow;
        var authorization = settings.SystemBus
            ? new RecordAuthorization(_connection, settings.RecordGroup, loggers.CreateLogger<RecordAuthorization>())
            : null;

        if (settings is { SystemBus: false, Notifications: true })
        {
            _notifications = new RecordingNotifications(_connection, loggers.CreateLogger<RecordingNotifications>());
            _registry.Added += _notifications.Follow;
        }

        if (settings is { SystemBus: false, Indicator: true })
        {
            _indicator = new RecordingIndicator(loop, _connection, objects, loggers.CreateLogger<RecordingIndicator>());
            _registry.Added += _indicator.Follow;
        }

        if (!settings.SystemBus)
        {
            _displayMedia = new DisplayMedia(new ScreenCastPortal(_connection), screens, _recorders.AnyRecordsFromAsync,
                TimeSpan.FromSeconds(settings.ScreenShareGraceSeconds), loggers.CreateLogger<DisplayMedia>());
            _displayMedia.Start();
        }

        await loop.InvokeAsync(() => objects.Add(BusNames.ManagerPath,
            new ManagerObject(_registry, replies, Version, authorization, _displayMedia, new EncodingCapabilities(loop), Profiles(settings)),
            new ObjectManagerObject(_registry, replies)));
        _connection.Serve(objects);
        var registry = _registry;
        _connectionsLeaving = await _connection.WatchConnectionsLeavingAsync(name => loop.Post(() => registry.OnConnectionLeft(name)));
        await _connection.OwnNameAsync(BusNames.Service);
        _ownsName = true;
        _logger.LogInformation("recorderd {Version} serving {Name} as {UniqueName}, {Milliseconds:F0} ms after it started",
            Version, BusNames.Service, _connection.UniqueName, clock.ElapsedMilliseconds);
        _ = _connection.Closed.ContinueWith(_ => OnBusClosed(), TaskScheduler.Default);

        if (settings is { Activated: true, IdleExitSeconds: > 0 })
        {
            _idleExit = new IdleExit(loop, _registry, TimeSpan.FromSeconds(settings.IdleExitSeconds), lifetime, loggers.CreateLogger<IdleExit>());
            await loop.InvokeAsync(_idleExit.Start);
        }

        // Off the critical path: what only later calls or events need, while the name already answers.
        _ = BlockingWork.Run(() =>
        {
            devicesStarted.SetResult(WatchDevices());
            LogStep("device watch started");
            GstRecordingPipelineFactory.Preload();
            LogStep("plugins of the default recording loaded");
            IdleMemory.GiveBack();
        });
        await Task.WhenAll(_notifications?.StartAsync() ?? Task.CompletedTask, _indicator?.StartAsync() ?? Task.CompletedTask);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_idleExit is not null)
        {
            await loop.InvokeAsync(_idleExit.Dispose);
        }

        if (_recorders is not null)
        {
            _logger.LogInformation("Stopping: finalizing every recording within {ShutdownTimeoutSeconds} s", options.Value.ShutdownTimeoutSeconds);
            try
            {
                var stopped = await _recorders.StopAllAsync().WaitAsync(cancellationToken);
                _logger.LogInformation("Finalized {Count} recordings", stopped);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Some recordings were not final after {ShutdownTimeoutSeconds} s; their files play up to about the last second written",
                    options.Value.ShutdownTimeoutSeconds);
            }
        }

        if (_ownsName && _connection is { IsClosed: false })
        {
            await _connection.ReleaseNameAsync(BusNames.Service);
        }

        _connectionsLeaving?.Dispose();
        if (_devices is not null)
        {
            var devices = await _devices;
            await loop.InvokeAsync(() => devices?.Dispose());
        }
        _logger.LogInformation("Stopped: name released, device watch removed");
    }

    public void Dispose()
    {
        _notifications?.Dispose();
        _indicator?.Dispose();
        _displayMedia?.Dispose();
        _connection?.Dispose();
    }

    /// <summary>Configured directories for everyone; else the daemon user's on the session bus and each caller's own on the system bus.</summary>
    private static OutputDefaults Outputs(RecorderdOptions settings) =>
        new(
            settings.VideosDirectory is { Length: > 0 } videos ? videos : null,
            settings.MusicDirectory is { Length: > 0 } music ? music : null,
            perAccount: settings.SystemBus,
            TimeProvider.System);

    private static RecorderProfiles Profiles(RecorderdOptions settings) =>
        new(settings.Profiles.ToDictionary(profile => profile.Key, profile => new RecorderProfileOptions(profile.Value.Sources, profile.Value.ToOptionValues())));

    /// <summary>
    /// Starts the device monitor (off the loop: providers probe while starting); without one, DevicesChanged is never emitted.
    /// Whatever fails is logged, not thrown: it runs in the background, and device lists and shutdown wait for its result.
    /// </summary>
    private GstDeviceWatch? WatchDevices()
    {
        try
        {
            return CaptureDevices.Watch(loop, OnDeviceChanged);
        }
        catch (Exception exception)
        {
            _logger.LogWarning("Not watching capture devices, DevicesChanged will not be emitted: {Reason}", exception.Message);
            return null;
        }
    }

    private void LogStep(string step) => _logger.LogDebug("Start-up: {Step} at {Milliseconds:F1} ms", step, clock.ElapsedMilliseconds);

    private void OnBusClosed()
    {
        if (_stopping)
        {
            return;
        }

        Failure = "the connection to the bus closed";
        _logger.LogError("Lost the bus name {Name}: {Failure}; finalizing every recording and exiting, for the service manager to restart recorderd",
            BusNames.Service, Failure);
        lifetime.StopApplication();
    }

    private void OnDeviceChanged(GstMessageKind change)
    {
        _logger.LogInformation("Capture devices changed ({Change}); emitting DevicesChanged", change);
        _connection?.EmitSignal(BusNames.ManagerPath, BusNames.Manager, "DevicesChanged");
    }
}
