using System.Text.RegularExpressions;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// GStreamer's <c>leaks</c> tracer in a daemon that recorded twenty times: a finished recording's
/// pipeline, its elements and their pads are gone once Destroy returns, without waiting for a garbage
/// collection. On SIGUSR1 the tracer lists every object alive into the daemon's debug log.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed partial class PipelineLeaksTests() : WorkDirectoryFixture("recorderd-leaks-")
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    /// <summary>The elements of a <c>test:audio</c> recording to <c>audio/webm;codecs=opus</c>, one of each.</summary>
    private static readonly string[] PipelineTypes =
    [
        "GstAudioConvert", "GstAudioResample", "GstAudioTestSrc", "GstCapsFilter", "GstFdSink",
        "GstIdentity", "GstOpusEnc", "GstPipeline", "GstQueue", "GstWebMMux",
    ];

    private static readonly string[] PadTypes = ["GstPad", "GstMatroskamuxPad"];

    /// <summary>What split recordings and replay buffers add: the splitter, the sinks and sources of kept packets, and the packets.</summary>
    private static readonly string[] FileTypes = ["GstSplitMuxSink", "GstAppSink", "GstAppSrc", "GstFdSink", "GstWebMMux", "GstPipeline", "GstBuffer"];

    [Test]
    public void AfterTwentyRecordingsNoElementOrPadOfTheirPipelinesIsAlive()
    {
        var log = Path.Combine(WorkDirectory, "gst.log");
        using var daemon = TracedDaemon(log);
        for (var i = 0; i < 20; i++)
        {
            var finished = StartRecording(daemon);
            daemon.CallRecorder(finished, "Stop");
            daemon.CallRecorder(finished, "Destroy");
        }

        var running = StartRecording(daemon);
        var whileRecording = LiveObjectTypes(daemon, log, listing: 1);
        daemon.CallRecorder(running, "Stop");
        daemon.CallRecorder(running, "Destroy");
        var afterwards = LiveObjectTypes(daemon, log, listing: 2);

        Assert.Multiple(() =>
        {
            Assert.That(Census(whileRecording, PipelineTypes), Is.EqualTo(string.Join(", ", PipelineTypes.Select(type => $"{type}: 1"))),
                "only the running recording's elements are alive");
            Assert.That(Census(afterwards, [.. PipelineTypes, .. PadTypes]), Is.Empty, "no element or pad is alive once every recorder is destroyed");
        });
    }

    [Test]
    public void AfterSplitRecordingsAndSavedReplayBuffersNothingOfThemIsAlive()
    {
        var log = Path.Combine(WorkDirectory, "gst-files.log");
        using var daemon = TracedDaemon(log);
        var whileKeeping = "";
        for (var i = 0; i < 3; i++)
        {
            var split = StartRecording(daemon, ("maxFileDuration", 500u));
            Thread.Sleep(1200);
            daemon.CallRecorder(split, "Split");
            daemon.CallRecorder(split, "Destroy");

            var replay = StartRecording(daemon, ("replayBuffer", 1u));
            Thread.Sleep(1200);
            daemon.Call(replay, Recorder, "SaveReplay", static (message, _) => message.GetBodyReader().ReadString(), [Path.Combine(WorkDirectory, $"replay{i}.webm")]);
            if (i == 2)
            {
                whileKeeping = Census(LiveObjectTypes(daemon, log, listing: 1), ["GstAppSink", "GstBuffer"]);
            }

            daemon.CallRecorder(replay, "Destroy");
        }

        Assert.That(whileKeeping, Does.Match("^GstAppSink: 1, GstBuffer: [1-9]"), "the tracer sees a replay buffer's sink and packets");
        Assert.That(Census(LiveObjectTypes(daemon, log, listing: 2), FileTypes), Is.Empty, "no splitter, kept packet or saving pipeline is alive once every recorder is destroyed");
    }

    private static DaemonProcess TracedDaemon(string log) => new(new Dictionary<string, string?>
    {
        ["GST_TRACERS"] = "leaks",
        ["GST_LEAKS_TRACER_SIG"] = "1",
        ["GST_DEBUG"] = "GST_TRACER:7,leaks:7",
        ["GST_DEBUG_NO_COLOR"] = "1",
        ["GST_DEBUG_FILE"] = log,
    });

    private static string StartRecording(DaemonProcess daemon, params (string Key, Tmds.DBus.Protocol.VariantValue Value)[] options)
    {
        var path = daemon.CreateRecorder(["test:audio"], [("mimeType", "audio/webm;codecs=opus"), .. options]);
        daemon.CallRecorder(path, "Start", [0u]);
        // Encoders is set at Started, which a replay buffer, writing no bytes, also reaches.
        Poll.Until(() => daemon.GetProperty(path, Recorder, "Encoders").GetDictionary<string, string>().Count > 0, "the recording's start");
        return path;
    }

    /// <summary>
    /// Sends SIGUSR1 and returns the type of each object of the tracer's <paramref name="listing"/>-th list,
    /// which it logs between "start listing currently alive objects" and "listed N alive objects".
    /// </summary>
    private static List<string> LiveObjectTypes(DaemonProcess daemon, string log, int listing)
    {
        daemon.Signal("USR1");
        string[] lines = [];
        Poll.Until(() => (lines = File.ReadAllLines(log)).Count(line => ListingEnd().IsMatch(line)) == listing, "the leaks tracer's list of live objects");
        var start = Array.FindLastIndex(lines, line => line.Contains("start listing currently alive objects", StringComparison.Ordinal));
        return lines[start..].Select(line => AliveObject().Match(line)).Where(match => match.Success).Select(match => match.Groups["type"].Value).ToList();
    }

    /// <summary>How many objects of each of <paramref name="types"/> are alive, e.g. <c>GstOpusEnc: 21, GstPad: 315</c>.</summary>
    private static string Census(List<string> alive, string[] types) =>
        string.Join(", ", alive.Where(types.Contains).CountBy(type => type).OrderBy(count => count.Key, StringComparer.Ordinal)
            .Select(count => $"{count.Key}: {count.Value}"));

    [GeneratedRegex(@"listed \d+ alive objects")]
    private static partial Regex ListingEnd();

    /// <summary>e.g. <c>object-alive, type-name=(string)GstOpusEnc, address=(gpointer)0x…, description=(string)&lt;opusenc3&gt;, ref-count=(uint)1, trace=(string);</c></summary>
    [GeneratedRegex(@"object-alive, type-name=\(string\)(?<type>\w+),")]
    private static partial Regex AliveObject();
}
