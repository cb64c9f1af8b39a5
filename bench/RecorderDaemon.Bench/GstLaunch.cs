using System.Diagnostics;
using System.Text;

namespace RecorderDaemon.Bench;

/// <summary>
/// The floors: <c>gst-launch-1.0</c> doing a recording's work without recorderd, in the daemon's environment
/// (<c>MALLOC_ARENA_MAX=2</c>, <c>G_SLICE=always-malloc</c>), with its memory and CPU time read from <c>/proc</c>. Disposing kills it if it still runs.
/// </summary>
internal sealed class GstLaunch : IDisposable
{
    /// <summary>The least a GStreamer program does: start, run a one-buffer pipeline, exit.</summary>
    public static readonly string[] EmptyPipeline = ["fakesrc", "num-buffers=1", "!", "fakesink"];

    private static readonly TimeSpan FirstBytesTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stopwatch _sinceSpawn;
    private readonly StringBuilder _errors = new();

    private GstLaunch(IEnumerable<string> pipeline)
    {
        var start = new ProcessStartInfo("gst-launch-1.0", ["-e", "-q", .. pipeline]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        start.Environment["G_SLICE"] = "always-malloc";
        _sinceSpawn = Stopwatch.StartNew();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// What recorderd builds for <see cref="TestRecording.Sources"/> as <see cref="TestRecording.MimeType"/>, element for element and
    /// property for property; it mirrors <c>src/RecorderDaemon/Media/RecordingPipelineBuilder.cs</c> with <c>TestAudioSource</c>,
    /// <c>TestVideoSource</c>, <c>EncoderSettings</c> (default bitrates: 128 kbit/s audio, 2.5 Mbit/s video) and the WebM row of
    /// <c>RecordingFormats</c>, so change it with them. The pause gates are <c>identity</c>s. The daemon's <c>fdsink</c> writes
    /// unbuffered; <c>filesink buffer-mode=unbuffered</c> does the same, so the file's first bytes appear when the muxer writes them.
    /// </summary>
    public static string[] RecordingPipeline(string location) =>
    [
        "webmmux", "name=mux", "!", "filesink", $"location={location}", "buffer-mode=unbuffered",
        "audiotestsrc", "is-live=true", "wave=sine", "freq=440", "samplesperbuffer=480",
        "!", "capsfilter", "caps=audio/x-raw,rate=48000,channels=2",
        "!", "queue", "!", "audioconvert", "!", "audioresample", "!", "opusenc", "bitrate=128000", "bitrate-type=vbr",
        "!", "opusparse", "!", "identity", "!", "mux.",
        "videotestsrc", "is-live=true", "pattern=ball",
        "!", "capsfilter", "caps=video/x-raw,width=640,height=480,framerate=30/1",
        "!", "queue", "!", "identity", "!", "videoconvert", "!", "capsfilter", "caps=video/x-raw,format={ (string)I420, (string)NV12 }",
        "!", "vp8enc", "target-bitrate=2500000", "end-usage=vbr", "deadline=1", "cpu-used=4",
        "!", "capsfilter", "caps=video/x-vp8", "!", "mux.",
    ];

    public int Id => _process.Id;

    /// <summary>Runs <paramref name="pipeline"/> to its end; returns the time from spawning the process until it exited.</summary>
    public static TimeSpan TimeToExit(IEnumerable<string> pipeline)
    {
        using var launch = new GstLaunch(pipeline);
        launch.WaitForExit();
        return launch._sinceSpawn.Elapsed;
    }

    /// <summary>Starts recording <see cref="RecordingPipeline"/> into <paramref name="location"/>; returns once the file has its first bytes.</summary>
    public static async Task<(GstLaunch Launch, TimeSpan FirstBytes)> StartRecordingAsync(string location)
    {
        var launch = new GstLaunch(RecordingPipeline(location));
        try
        {
            var firstBytes = await Task.Run(() => launch.WaitForFirstBytes(location));
            return (launch, firstBytes);
        }
        catch
        {
            launch.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="ProcessStatistics.ReadRssBytes"/>
    public long ReadRssBytes() => ReadProc(ProcessStatistics.ReadRssBytes);

    /// <inheritdoc cref="ProcessStatistics.ReadCpuTime"/>
    public TimeSpan ReadCpuTime() => ReadProc(ProcessStatistics.ReadCpuTime);

    /// <summary>Ends a recording as a user's Ctrl+C does (<c>-e</c>: end of stream first, so the file is finalized) and waits for the exit.</summary>
    public void Finish()
    {
        UnixSignal.Send(_process, "INT");
        WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private TimeSpan WaitForFirstBytes(string location)
    {
        // Polled every millisecond or so: the floor should not be late by much more than the daemon's Started signal.
        while (!File.Exists(location) || new FileInfo(location).Length == 0)
        {
            if (_process.HasExited || _sinceSpawn.Elapsed > FirstBytesTimeout)
            {
                throw Failure($"gst-launch-1.0 wrote nothing to {location}");
            }

            Thread.Sleep(1);
        }

        return _sinceSpawn.Elapsed;
    }

    private void WaitForExit()
    {
        if (!_process.WaitForExit(ExitTimeout))
        {
            throw Failure($"gst-launch-1.0 did not exit within {ExitTimeout.TotalSeconds} s");
        }

        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw Failure($"gst-launch-1.0 exited with code {_process.ExitCode}");
        }
    }

    private T ReadProc<T>(Func<int, T> read) => _process.HasExited ? throw Failure("gst-launch-1.0 exited during the bench") : read(_process.Id);

    private BenchmarkFailedException Failure(string what)
    {
        lock (_errors)
        {
            return new($"{what}; its output:\n{_errors}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_errors)
            {
                _errors.AppendLine(line);
            }
        }
    }
}
