using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// Builds a session's pipeline from factories and properties only:
/// <c>source → queue → convert → encoder [→ parser] → muxer → filesink</c> for each track.
/// </summary>
internal static class RecordingPipelineBuilder
{
    public static GstPipeline Build(RecordingPlan plan)
    {
        var pipeline = GstPipeline.Create("recording");
        try
        {
            var muxer = Add(pipeline, plan.Format.Container.Muxer);
            var sink = Add(pipeline, "filesink").Set("location", plan.Location).SetNick("buffer-mode", "unbuffered");
            muxer.LinkTo(sink);

            var branchInputs = new Dictionary<TrackKind, GstElement>();
            if (plan.Format.Audio is { } audio)
            {
                var encoder = Add(pipeline, audio.Encoder);
                new EncoderSettings(plan.Bitrates.Audio, plan.AudioBitrateMode).ApplyTo(encoder, audio);
                branchInputs[TrackKind.Audio] = Branch(pipeline, ["audioconvert", "audioresample"], encoder, audio.Parser, muxer);
            }

            if (plan.Format.Video is { } video)
            {
                var encoder = Add(pipeline, video.Encoder);
                var framerate = plan.Sources.FirstOrDefault(source => source.Kinds.Contains(TrackKind.Video))?.NominalFramerate ?? 30;
                new EncoderSettings(plan.Bitrates.Video, KeyFrameInterval: plan.KeyFrames, FramesPerSecond: framerate).ApplyTo(encoder, video);
                branchInputs[TrackKind.Video] = Branch(pipeline, ["videoconvert"], encoder, video.Parser, muxer);
            }

            foreach (var source in plan.Sources)
            {
                source.Build(pipeline, branchInputs);
            }

            return pipeline;
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>Links queue → converters → encoder [→ parser] → muxer and returns the queue, the branch's input.</summary>
    private static GstElement Branch(GstPipeline pipeline, IEnumerable<string> converters, GstElement encoder, string? parserFactory, GstElement muxer)
    {
        var input = Add(pipeline, "queue");
        var chain = new List<GstElement> { input };
        chain.AddRange(converters.Select(factory => Add(pipeline, factory)));
        chain.Add(encoder);
        if (parserFactory is not null)
        {
            chain.Add(Add(pipeline, parserFactory));
        }

        chain.Add(muxer);
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i - 1].LinkTo(chain[i]);
        }

        return input;
    }

    private static GstElement Add(GstPipeline pipeline, string factoryName)
    {
        var element = GstElements.Make(factoryName);
        pipeline.Add(element);
        return element;
    }
}
