using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>A built pipeline, the valve of each track branch, which pause closes, and what its sources hold until it is torn down.</summary>
internal sealed record BuiltPipeline(GstPipeline Pipeline, IReadOnlyList<GstElement> Valves, IReadOnlyList<IDisposable> Held);

/// <summary>
/// Builds a session's pipeline from factories and properties only:
/// <c>source → queue → convert → encoder [→ parser] → muxer → fdsink</c> for each track, with a valve that pause closes.
/// The sink writes to the output's descriptor, unbuffered, so whatever a chunk reports is readable.
/// </summary>
internal static class RecordingPipelineBuilder
{
    public static BuiltPipeline Build(RecordingPlan plan)
    {
        var pipeline = GstPipeline.Create("recording");
        var valves = new List<GstElement>();
        var branchInputs = new Dictionary<TrackKind, GstElement>();
        var target = new SourceTarget(pipeline, branchInputs);
        try
        {
            var muxer = Add(pipeline, plan.Format.Container.Muxer);
            var sink = Add(pipeline, "fdsink").Set("fd", plan.Output.Handle);
            muxer.LinkTo(sink);

            if (plan.Format.Audio is { } audio)
            {
                var encoder = Add(pipeline, audio.Encoder);
                new EncoderSettings(plan.Bitrates.Audio, plan.AudioBitrateMode).ApplyTo(encoder, audio);
                branchInputs[TrackKind.Audio] = Branch(pipeline, valves, ["audioconvert", "audioresample"], encoder, audio.Parser, muxer, valveAfterEncoder: true);
            }

            if (plan.Format.Video is { } video)
            {
                var encoder = Add(pipeline, video.Encoder);
                var framerate = plan.Sources.FirstOrDefault(source => source.Kinds.Contains(TrackKind.Video))?.NominalFramerate ?? 30;
                new EncoderSettings(plan.Bitrates.Video, KeyFrameInterval: plan.KeyFrames, FramesPerSecond: framerate).ApplyTo(encoder, video);
                branchInputs[TrackKind.Video] = Branch(pipeline, valves, ["videoconvert"], encoder, video.Parser, muxer, valveAfterEncoder: false);
            }

            foreach (var source in plan.Sources)
            {
                source.Build(target);
            }

            return new BuiltPipeline(pipeline, valves, target.Held);
        }
        catch
        {
            pipeline.Dispose();
            foreach (var held in target.Held)
            {
                held.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Links queue → converters → encoder [→ parser] → muxer with a valve, and returns the queue,
    /// the branch's input. A closed valve still lets sticky events through, so a paused recording
    /// can be stopped: its end-of-stream reaches the muxer.
    /// </summary>
    /// <param name="valveAfterEncoder">
    /// Audio: after the encoder, whose packets decode on their own. Its input then never sees the
    /// segment that resuming re-sends, which crashes opusenc (GStreamer 1.22) when a partial frame
    /// is buffered, as with PipeWire's buffer sizes. Video: before the encoder, so the first frame
    /// after a pause is encoded from new input instead of referring to dropped frames.
    /// </param>
    private static GstElement Branch(
        GstPipeline pipeline, List<GstElement> valves, IEnumerable<string> converters, GstElement encoder, string? parserFactory, GstElement muxer, bool valveAfterEncoder)
    {
        var input = Add(pipeline, "queue");
        var valve = Add(pipeline, "valve").SetNick("drop-mode", "forward-sticky-events");
        valves.Add(valve);
        var chain = new List<GstElement> { input };
        chain.AddRange(converters.Select(factory => Add(pipeline, factory)));
        chain.Add(encoder);
        if (parserFactory is not null)
        {
            chain.Add(Add(pipeline, parserFactory));
        }

        chain.Insert(valveAfterEncoder ? chain.Count : 1, valve);
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
