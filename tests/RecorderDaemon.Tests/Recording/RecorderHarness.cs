using Microsoft.Extensions.Logging;
using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// Runs one MediaRecorder on its own loop, writing into a temp directory, and records every event as a line
/// (<c>start</c>, <c>data</c>, <c>error:Name</c>, …): with real GStreamer pipelines on a GLib loop, or
/// (<see cref="WithFakes"/>) with <see cref="FakeRecordingPipelines"/> on a <see cref="TestLoop"/>, touching
/// neither GLib nor GStreamer.
/// </summary>
internal sealed class RecorderHarness : IDisposable
{
    private readonly List<string> _events = [];
    private readonly List<DataChunk> _chunks = [];
    private readonly IDisposable _loop;
    private readonly Func<Action, Task> _invoke;
    private TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A recorder of <paramref name="sourceUris"/> on real GStreamer pipelines.</summary>
    public RecorderHarness(string[] sourceUris, RecorderOptions? options = null, TimeSpan? stopTimeout = null)
        : this(new GLibLoop("test-loop"), [.. sourceUris.Select(Resolve)], options, stopTimeout)
    {
    }

    private RecorderHarness(GLibLoop loop, IStreamSource[] sources, RecorderOptions? options, TimeSpan? stopTimeout)
        : this(loop, loop.InvokeAsync, new GLibRecorderLoop(loop), new GstFormatCatalog(),
            new GstRecordingPipelineFactory(loop, stopTimeout ?? GstRecordingPipelineFactory.DefaultStopTimeout, EncoderRanking.Default), sources, options)
    {
    }

    private RecorderHarness(
        IDisposable loop, Func<Action, Task> invoke, ILoop recorderLoop, IFormatCatalog formats, IRecordingPipelineFactory pipelines,
        IStreamSource[] sources, RecorderOptions? options)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("recorderd-test-").FullName;
        _loop = loop;
        _invoke = invoke;
        var outputs = new OutputDefaults(Path.Combine(Directory, "Videos"), Path.Combine(Directory, "Music"), perAccount: false, TimeProvider.System);
        var context = new RecorderContext(recorderLoop, formats, pipelines, outputs, HandlerFailures);
        Recorder = OnLoop(() => new MediaRecorder(sources, options ?? new RecorderOptions(), context, Owner));
        OnLoop(Subscribe);
    }

    public string Directory { get; }

    public MediaRecorder Recorder { get; }

    /// <summary>What the recorder logged as errors: event handlers and pipeline steps that threw.</summary>
    public ErrorLog HandlerFailures { get; } = new();

    /// <summary>The state and mimeType seen inside each event handler, as <c>event@state</c>.</summary>
    public List<string> StatesAtEvents { get; } = [];

    public string? MimeTypeAtStart { get; private set; }

    public long BytesAtStart { get; private set; }

    public string[] Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public DataChunk[] Chunks
    {
        get
        {
            lock (_events)
            {
                return [.. _chunks];
            }
        }
    }

    /// <summary>The bytes of each chunk, read from the file when its DataAvailable was raised.</summary>
    public List<byte[]> ChunkBytes { get; } = [];

    /// <summary>The recorders' owner: a caller of the test's own user, as on the session bus.</summary>
    public static Caller Owner { get; } = new(":test", UnixUsers.EffectiveUid, null, [], CallerFiles.OfDaemonUser, IsSandboxed: false);

    /// <summary>Devices as the daemon lists them without a watch; no test in this process watches devices.</summary>
    public static IDeviceList ProbedDevices { get; } = new CaptureDevices(Task.FromResult<GstDeviceWatch?>(null));

    public static TrackSource Resolve(string uri)
    {
        var source = SourceUri.Parse(uri, ProbedDevices);
        source.Resolve(Owner.Files);
        return source;
    }

    /// <summary>A recorder of <paramref name="sources"/> on fake pipelines and formats (<see cref="FakeFormatCatalog"/>) and a <see cref="TestLoop"/>.</summary>
    public static RecorderHarness WithFakes(FakeRecordingPipelines pipelines, RecorderOptions? options = null, params IStreamSource[] sources)
    {
        var loop = new TestLoop();
        return new RecorderHarness(loop, loop.InvokeAsync, loop, new FakeFormatCatalog(), pipelines, sources.Length == 0 ? [FakeSource.Audio] : sources, options);
    }

    public T OnLoop<T>(Func<T> function)
    {
        T result = default!;
        OnLoop(() =>
        {
            result = function();
        });
        return result;
    }

    public void OnLoop(Action action) => _invoke(action).GetAwaiter().GetResult();

    /// <summary>Queues <paramref name="action"/> on the loop behind what is queued already, without waiting.</summary>
    public void Post(Action action) => _ = _invoke(action);

    public void Start(uint timeslice = 0) => OnLoop(() => Recorder.StartAsync(timeslice)).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    /// <summary>Calls stop() and waits for the file to be final and Stopped raised.</summary>
    public void Stop() => OnLoop(Recorder.Stop).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    public void WaitForEvent(string name, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!Events.Contains(name))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no '{name}' event within the timeout; events so far: {string.Join(", ", Events)}");
            }

            Thread.Sleep(10);
        }
    }

    public void WaitForStopped(TimeSpan? timeout = null) =>
        Assert.That(_stopped.Task.Wait(timeout ?? TimeSpan.FromSeconds(30)), Is.True, $"no stop event; events so far: {string.Join(", ", Events)}");

    /// <summary>
    /// Records for a second, then calls <paramref name="loseSource"/> (which kills what feeds the source) and waits for the
    /// recording to fail and stop; returns how long after the loss the failure came.
    /// </summary>
    public TimeSpan RecordUntilSourceIsLost(Action loseSource)
    {
        Start();
        WaitForEvent("start");
        Thread.Sleep(1000);

        var lost = System.Diagnostics.Stopwatch.StartNew();
        loseSource();
        WaitForEvent("error:UnknownError", TimeSpan.FromSeconds(10));
        var detectedAfter = lost.Elapsed;
        WaitForStopped(TimeSpan.FromSeconds(10));
        TestContext.Progress.WriteLine($"source loss reported after {detectedAfter.TotalSeconds:0.00} s, stopped after {lost.Elapsed.TotalSeconds:0.00} s");
        return detectedAfter;
    }

    /// <summary>Forgets the events of earlier recordings, for a recorder that is started again.</summary>
    public void ClearEvents()
    {
        lock (_events)
        {
            _events.Clear();
            _chunks.Clear();
            ChunkBytes.Clear();
            _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public MediaInfo Discover(string? path = null) => GstDiscoverer.Discover(new Uri(path ?? Recorder.Location).AbsoluteUri, TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        OnLoop(Recorder.Destroy).Wait(TimeSpan.FromSeconds(30));
        _loop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Subscribe()
    {
        Recorder.Started += () =>
        {
            MimeTypeAtStart = Recorder.MimeType;
            BytesAtStart = Recorder.Location is { Length: > 0 } file ? new FileInfo(file).Length : 0; // a replay buffer has no file
            Record("start");
        };
        Recorder.Paused += () => Record("pause");
        Recorder.Resumed += () => Record("resume");
        Recorder.Error += error => Record($"error:{error.Name}");
        Recorder.Warning += message => TestContext.Progress.WriteLine($"warning: {message}");
        Recorder.FileChanged += _ => Record("file");
        Recorder.ReplaySaved += (_, _) => Record("replay-saved");
        Recorder.DataAvailable += chunk =>
        {
            lock (_events)
            {
                _chunks.Add(chunk);
                ChunkBytes.Add(ReadRange(Recorder.Location, chunk));
            }

            Record("data");
        };
        Recorder.Stopped += () =>
        {
            Record("stop");
            _stopped.TrySetResult();
        };
    }

    private void Record(string name)
    {
        lock (_events)
        {
            _events.Add(name);
            StatesAtEvents.Add($"{name}@{Recorder.State.Name()}");
        }
    }

    private static byte[] ReadRange(string path, DataChunk chunk)
    {
        if (chunk.Size == 0 || !File.Exists(path))
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Position = chunk.Offset;
        var bytes = new byte[chunk.Size];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The recorder's logger: keeps the exception of each error it logs.</summary>
    internal sealed class ErrorLog : ILogger
    {
        private readonly List<Exception> _exceptions = [];

        public Exception[] Exceptions
        {
            get
            {
                lock (_exceptions)
                {
                    return [.. _exceptions];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null)
            {
                lock (_exceptions)
                {
                    _exceptions.Add(exception);
                }
            }
        }
    }
}
