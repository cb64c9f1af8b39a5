using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>A built pipeline and the valve of each track branch, which pause closes.</summary>
internal sealed record BuiltPipeline(GstPipeline Pipeline, IReadOnlyList<GstElement> Valves);

/// <summary>
/// Builds a session's pipeline from factories and properties only:
/// <c>source → queue → valve → convert → encoder [→ parser] → muxer → filesink</c> for each track.
/// </summary>
internal static class RecordingPipelineBuilder
{
    public static BuiltPipeline Build(RecordingPlan plan)
    {
        var pipeline = GstPipeline.Create("recording");
        var valves = new List<GstElement>();
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
                branchInputs[TrackKind.Audio] = Branch(pipeline, valves, ["audioconvert", "audioresample"], encoder, audio.Parser, muxer);
            }

            if (plan.Format.Video is { } video)
            {
                var encoder = Add(pipeline, video.Encoder);
                var framerate = plan.Sources.FirstOrDefault(source => source.Kinds.Contains(TrackKind.Video))?.NominalFramerate ?? 30;
                new EncoderSettings(plan.Bitrates.Video, KeyFrameInterval: plan.KeyFrames, FramesPerSecond: framerate).ApplyTo(encoder, video);
                branchInputs[TrackKind.Video] = Branch(pipeline, valves, ["videoconvert"], encoder, video.Parser, muxer);
            }

            foreach (var source in plan.Sources)
            {
                source.Build(pipeline, branchInputs);
            }

            return new BuiltPipeline(pipeline, valves);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Links queue → valve → converters → encoder [→ parser] → muxer and returns the queue, the
    /// branch's input. A closed valve still lets sticky events through, so a paused recording can
    /// be stopped: its end-of-stream reaches the muxer.
    /// </summary>
    private static GstElement Branch(GstPipeline pipeline, List<GstElement> valves, IEnumerable<string> converters, GstElement encoder, string? parserFactory, GstElement muxer)
    {
        var input = Add(pipeline, "queue");
        var valve = Add(pipeline, "valve").SetNick("drop-mode", "forward-sticky-events");
        valves.Add(valve);
        var chain = new List<GstElement> { input, valve };
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
