using System.Diagnostics;
using RecorderDaemon.Client;

namespace RecorderDaemon.Bench;

/// <summary>
/// The bench's recording: test audio plus 640x480 test video at 30 fps into VP8/Opus WebM (or, audio only,
/// Opus WebM), written to a file the bench names, so that it can check afterwards that the recording really produced data.
/// </summary>
internal sealed class TestRecording
{
    public static readonly string[] Sources = ["test:audio", "test:video?pattern=ball&width=640&height=480&framerate=30"];

    public const string MimeType = "video/webm;codecs=vp8,opus";

    public static readonly string[] AudioSources = ["test:audio"];

    public const string AudioMimeType = "audio/webm;codecs=opus";

    private static readonly TimeSpan StartedTimeout = TimeSpan.FromSeconds(30);

    private readonly DaemonUnderTest _daemon;
    private readonly MediaRecorder _recorder;
    private readonly string _location;
    private volatile RecorderErrorEventArgs? _error;

    private TestRecording(DaemonUnderTest daemon, MediaRecorder recorder, string location)
    {
        _daemon = daemon;
        _recorder = recorder;
        _location = location;
        recorder.Error += (_, error) => _error ??= error;
    }

    /// <summary>From calling Start until the Started signal, which the daemon sends once the file has its header.</summary>
    public TimeSpan StartLatency { get; private set; }

    /// <summary>From calling CreateRecorder until the Started signal: what a client waits for before it records.</summary>
    public TimeSpan CreateAndStartLatency { get; private set; }

    /// <summary>From calling Stop until its reply, which the daemon sends once the file is final.</summary>
    public TimeSpan StopLatency { get; private set; }

    public string Location => _location;

    public static Task<TestRecording> StartAsync(DaemonUnderTest daemon, string location, bool audioOnly = false) =>
        audioOnly ? StartAsync(daemon, location, AudioSources, AudioMimeType) : StartAsync(daemon, location, Sources, MimeType);

    /// <summary>Records <paramref name="sources"/> as <paramref name="mimeType"/> into <paramref name="location"/>, once Started.</summary>
    public static async Task<TestRecording> StartAsync(DaemonUnderTest daemon, string location, string[] sources, string mimeType)
    {
        var clock = Stopwatch.StartNew();
        var recording = await CreateAsync(daemon, location, sources, mimeType);
        await recording.StartAsync();
        recording.CreateAndStartLatency = clock.Elapsed;
        return recording;
    }

    /// <summary>Creates a recorder of <paramref name="sources"/> as <paramref name="mimeType"/> into <paramref name="location"/>, not started.</summary>
    public static async Task<TestRecording> CreateAsync(DaemonUnderTest daemon, string location, string[] sources, string mimeType)
    {
        var recorder = await daemon.Client.CreateRecorderAsync(sources, new MediaRecorderOptions { MimeType = mimeType, Location = location });
        return new TestRecording(daemon, recorder, location);
    }

    /// <summary>Starts the recording; returns once it raised Started.</summary>
    public async Task StartAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _recorder.Started += (_, _) => started.TrySetResult();
        var clock = Stopwatch.StartNew();
        await _recorder.StartAsync();
        try
        {
            await started.Task.WaitAsync(StartedTimeout);
        }
        catch (TimeoutException)
        {
            throw _daemon.Failure($"recording {_location} did not raise Started within {StartedTimeout.TotalSeconds} s");
        }

        StartLatency = clock.Elapsed;
    }

    /// <summary>
    /// Stops the recording, which returns once the daemon finalized the file; fails if it raised Error or
    /// left an empty file; then destroys the recorder.
    /// </summary>
    public async Task FinishAsync()
    {
        var clock = Stopwatch.StartNew();
        await _recorder.StopAsync();
        StopLatency = clock.Elapsed;
        if (_error is { } error)
        {
            throw _daemon.Failure($"recording {_location} raised Error {error.Name}: {error.Message}");
        }

        var file = new FileInfo(_location);
        if (!file.Exists || file.Length == 0)
        {
            throw _daemon.Failure($"recording {_location} left {(file.Exists ? "an empty file" : "no file")}");
        }

        await _recorder.DestroyAsync();
    }
}
