using System.Collections.Concurrent;
using System.Diagnostics;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>The video part of an <c>encodingInfo</c> configuration: the size, rate and bitrate to record at.</summary>
/// <param name="Bitrate">bits per second; null for the default video bitrate</param>
public sealed record VideoConfiguration(int Width, int Height, double Framerate, uint? Bitrate);

/// <summary>What <c>mediaCapabilities.encodingInfo({type: "record"})</c> answers.</summary>
public sealed record EncodingAnswer(bool Supported, bool Smooth, bool PowerEfficient)
{
    public static EncodingAnswer Unsupported { get; } = new(false, false, false);
}

/// <summary>
/// <c>encodingInfo</c> for recording: whether a type can be recorded at a configuration, and whether that runs smoothly
/// here. Smooth is measured, once per encoder and configuration and then remembered: the video encoder, set up as a
/// recording sets it up, encodes one second of moving test frames of that size and rate, and is smooth when the frames
/// after the first take less than <see cref="SmoothShare"/> of their time, leaving the rest of the machine room. The
/// measure stops after two seconds, so a configuration far too big costs no more. Every encoder recorderd has is
/// software, so none is power-efficient; audio alone is always smooth.
/// </summary>
public sealed class EncodingCapabilities(GLibLoop loop)
{
    /// <summary>The share of real time a second of video may take to encode and still count as smooth.</summary>
    internal const double SmoothShare = 0.75;

    private static readonly TimeSpan MeasuredMedia = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Encoder, VideoConfiguration Video), Task<bool>> _smooth = new();

    /// <param name="video">the video configuration; null to ask about audio only</param>
    public async Task<EncodingAnswer> QueryAsync(string mimeType, VideoConfiguration? video)
    {
        if (mimeType.Length == 0 || !TypeSupport.IsTypeSupported(mimeType))
        {
            return EncodingAnswer.Unsupported;
        }

        RecordingFormat format;
        try
        {
            format = TypeSupport.Resolve(mimeType, hasAudio: video is null, hasVideo: video is not null);
        }
        catch (RecorderException)
        {
            return EncodingAnswer.Unsupported; // an audio type asked about video
        }

        if (format.Video is not { } codec || video is null)
        {
            return new(Supported: true, Smooth: true, PowerEfficient: false);
        }

        var smooth = await _smooth.GetOrAdd((codec.Encoder, video), key => Task.Run(() => MeasureAsync(codec, key.Video)));
        return new(Supported: true, smooth, PowerEfficient: false);
    }

    private async Task<bool> MeasureAsync(CodecFormat codec, VideoConfiguration video)
    {
        var frames = Math.Max(2, (int)Math.Ceiling(video.Framerate * MeasuredMedia.TotalSeconds));
        using var pipeline = GstPipeline.Create("encoding-info");
        using (var caps = GstCaps.Create("video/x-raw").With("width", video.Width).With("height", video.Height)
                   .WithFraction("framerate", (int)Math.Round(video.Framerate * 1000), 1000))
        {
            GstElement[] chain =
            [
                GstElements.Make("videotestsrc").SetNick("pattern", "ball").Set("num-buffers", frames),
                GstElements.Make("capsfilter").Set("caps", caps),
                GstElements.Make("videoconvert"),
                GstElements.Make(codec.Encoder),
                GstElements.Make("fakesink").Set("sync", false),
            ];
            new EncoderSettings(video.Bitrate ?? BitrateSettings.DefaultVideo, FramesPerSecond: video.Framerate).ApplyTo(chain[3], codec);
            foreach (var element in chain)
            {
                pipeline.Add(element);
            }

            GstElements.LinkInOrder(chain);

            foreach (var element in chain)
            {
                element.Dispose();
            }
        }

        // Timed from PLAYING, which comes once the first frame is encoded: the encoder's start-up is not what a
        // recording pays for every frame.
        var clock = new Stopwatch();
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = pipeline.WatchBus(loop, message =>
        {
            if (message.Kind == GstMessageKind.StateChanged && message.IsFrom(pipeline) && message.NewState == GstState.Playing)
            {
                clock.Start();
            }
            else if (message.Kind is GstMessageKind.EndOfStream or GstMessageKind.Error)
            {
                clock.Stop();
                ended.TrySetResult(message.Kind == GstMessageKind.EndOfStream);
            }

            return true;
        });
        try
        {
            pipeline.SetState(GstState.Playing);
            var completed = await Task.WhenAny(ended.Task, Task.Delay(MeasuredMedia * 2)) == ended.Task && await ended.Task;
            return completed && clock.Elapsed < TimeSpan.FromSeconds((frames - 1) / video.Framerate * SmoothShare);
        }
        finally
        {
            pipeline.SetState(GstState.Null);
        }
    }
}
