using NUnit.Framework;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// Builds every row of <see cref="RecordingFormats"/> into a real pipeline from test sources, runs it to
/// end of stream, and checks the file as the discoverer sees it: the table is only as good as this test.
/// </summary>
[NonParallelizable]
public sealed class RecordingFormatsPipelineTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Inside every row's file: ten buffers of video (1/30 s) or audio (1024 samples) last over 0.2 s.</summary>
    private static readonly TimeSpan SeekTarget = TimeSpan.FromMilliseconds(150);

    private readonly List<GstElement> _elements = [];
    private GLibLoop _loop = null!;
    private string _directory = null!;

    [OneTimeSetUp]
    public void StartLoop() => _loop = new GLibLoop("pipeline-tests");

    [OneTimeTearDown]
    public void StopLoop() => _loop.Dispose();

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("recorderd-formats-").FullName;

    [TearDown]
    public void CleanUp()
    {
        _elements.ForEach(element => element.Dispose());
        _elements.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    public static IEnumerable<TestCaseData> KnownFormats() =>
        RecordingFormats.KnownFormats.Select(format => new TestCaseData(format.MimeType).SetArgDisplayNames(format.MimeType));

    [TestCaseSource(nameof(KnownFormats))]
    public async Task Records_a_file_with_the_row_container_and_codecs(string mimeType)
    {
        var format = RecordingFormats.KnownFormats.Single(format => format.MimeType == mimeType);
        if (format.FindMissingElement() is { } missing)
        {
            Assert.Ignore($"GStreamer element '{missing}' is not installed");
        }

        var path = Path.Combine(_directory, $"recording.{format.Extension}");
        using var pipeline = GstPipeline.Create("formats");
        var muxer = format.Container.Configure(Make(pipeline, format.Container.Muxer));
        muxer.LinkTo(Make(pipeline, "filesink").Set("location", path));
        if (format.Audio is { } audio)
        {
            Chain(pipeline, muxer, audio, Make(pipeline, "audiotestsrc").Set("num-buffers", 10), Make(pipeline, "audioconvert"), Make(pipeline, "audioresample"));
        }

        if (format.Video is { } video)
        {
            using var caps = GstCaps.Create("video/x-raw").With("width", 160).With("height", 120).WithFraction("framerate", 30, 1);
            Chain(pipeline, muxer, video, Make(pipeline, "videotestsrc").Set("num-buffers", 10), Make(pipeline, "capsfilter").Set("caps", caps), Make(pipeline, "videoconvert"));
        }

        await RunToEndOfStreamAsync(pipeline);

        var info = GstDiscoverer.Discover(new Uri(path).AbsoluteUri, TimeSpan.FromSeconds(5));
        // GStreamer's type finder calls every ISO MP4 file video/quicktime.
        var container = format.Container == RecordingFormats.Mp4 ? "video/quicktime"
            : format.Video is null ? format.Container.AudioMediaType : format.Container.VideoMediaType;
        Assert.That(info.ContainerType, Is.EqualTo(container));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { format.Audio?.MediaType }.OfType<string>().ToArray()));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { format.Video?.MediaType }.OfType<string>().ToArray()));
        Assert.That(info.Duration, Is.GreaterThan(TimeSpan.FromMilliseconds(150)), "ten buffers of at least 1/30 s and 1/100 s are in the file");
        Assert.That(info.Seekable, Is.True);
        Assert.That(PositionAfterSeek(path, SeekTarget)?.TotalMilliseconds, Is.EqualTo(SeekTarget.TotalMilliseconds).Within(40), "a player seeks in it");
    }

    /// <summary>Where a player (playbin with fake sinks, paused) is after a flushing, accurate seek to <paramref name="target"/>.</summary>
    private static TimeSpan? PositionAfterSeek(string path, TimeSpan target)
    {
        using var player = GstElement.TryMake("playbin") ?? throw new AssertionException("no GStreamer element 'playbin'");
        using var videoSink = GstElement.TryMake("fakesink") ?? throw new AssertionException("no GStreamer element 'fakesink'");
        using var audioSink = GstElement.TryMake("fakesink") ?? throw new AssertionException("no GStreamer element 'fakesink'");
        player.Set("uri", new Uri(path).AbsoluteUri).Set("video-sink", videoSink).Set("audio-sink", audioSink);
        try
        {
            player.SetState(GstState.Paused);
            Assert.That(player.WaitForState(RunTimeout), Is.True, "the player prerolls");
            Assert.That(player.Seek(target), Is.True, "the player takes the seek");
            Assert.That(player.WaitForState(RunTimeout), Is.True, "the player prerolls at the new position");
            return player.Position;
        }
        finally
        {
            player.SetState(GstState.Null);
        }
    }

    /// <summary>Links source → converters → the codec's encoder (configured as a recording would) → parser → muxer.</summary>
    private void Chain(GstPipeline pipeline, GstElement muxer, CodecFormat codec, params GstElement[] upstream)
    {
        var encoder = Make(pipeline, codec.Encoder);
        new EncoderSettings(codec.Kind == TrackKind.Audio ? BitrateSettings.DefaultAudio : BitrateSettings.DefaultVideo, FramesPerSecond: 30)
            .ApplyTo(encoder, codec);
        var chain = upstream.Append(encoder).Concat(codec.Parser is null ? [] : [Make(pipeline, codec.Parser)]).Append(muxer).ToArray();
        GstElements.LinkInOrder(chain);
    }

    private GstElement Make(GstPipeline pipeline, string factoryName)
    {
        var element = GstElement.TryMake(factoryName) ?? throw new AssertionException($"no GStreamer element '{factoryName}'");
        _elements.Add(element);
        pipeline.Add(element);
        return element;
    }

    private async Task RunToEndOfStreamAsync(GstPipeline pipeline)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await _loop.InvokeAsync(() => pipeline.WatchBus(_loop, message =>
        {
            if (message.Kind == GstMessageKind.EndOfStream)
            {
                finished.TrySetResult();
            }
            else if (message.Kind == GstMessageKind.Error)
            {
                finished.TrySetException(new AssertionException($"{message.SourceName}: {message.Error?.Message} ({message.Debug})"));
            }

            return true;
        }));
        try
        {
            Assert.That(pipeline.SetState(GstState.Playing), Is.True, "the pipeline would not start");
            await finished.Task.WaitAsync(RunTimeout);
        }
        finally
        {
            pipeline.SetState(GstState.Null);
        }
    }
}
