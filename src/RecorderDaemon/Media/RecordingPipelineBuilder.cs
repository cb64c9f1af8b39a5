using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// A built pipeline with the wrappers it keeps until it is torn down: the pause gate of each track branch, and what its
/// sources hold. Disposing releases them all; do it once the pipeline is in the NULL state.
/// </summary>
internal sealed class BuiltPipeline(GstPipeline pipeline, IReadOnlyList<PauseGate> gates, SourceTarget target) : IDisposable
{
    private readonly Dictionary<TrackKind, string> _encoders = [];

    public GstPipeline Pipeline => pipeline;

    /// <summary>What writes the files of a split recording; null for a recording into one file.</summary>
    public FileSplitter? Splitter { get; internal set; }

    /// <summary>What keeps a replay buffer's packets; null for a recording into a file.</summary>
    public ReplayRing? Replay { get; internal set; }

    /// <summary>The encoder factory of each track kind.</summary>
    public IReadOnlyDictionary<TrackKind, string> Encoders => _encoders;

    internal void UsesEncoder(TrackKind kind, string factory) => _encoders[kind] = factory;

    public IReadOnlyList<PauseGate> Gates => gates;

    /// <summary>Stops what changes the running pipeline (sources following PipeWire streams); on the loop thread, before the state change to NULL.</summary>
    public void StopFollowing()
    {
        foreach (var follower in target.StoppedBeforeTearDown)
        {
            follower.Dispose();
        }
    }

    public void Dispose()
    {
        StopFollowing();
        pipeline.Dispose();
        foreach (var resource in gates.Concat<IDisposable>(target.Held))
        {
            resource.Dispose();
        }
    }
}

/// <summary>
/// Builds a session's pipeline from factories and properties only:
/// <c>source → queue → convert → encoder [→ parser] → muxer → fdsink</c> for each track, with a <see cref="PauseGate"/>
/// (the muxer and fdsink inside a <see cref="FileSplitter"/> when the recording is split into files; an appsink per track
/// into a <see cref="ReplayRing"/> instead for a replay buffer);
/// a video source with constraints is scaled and re-timed before its queue (<see cref="VideoConstraints"/>). Several
/// audio sources are mixed into one track, or, with <see cref="AudioTrackLayout.Separate"/>, each gets a track.
/// The sink writes to the output's descriptor, unbuffered, so whatever a chunk reports is readable.
/// Only the pipeline keeps the elements: their wrappers are disposed once built, but for the gates.
/// </summary>
internal static class RecordingPipelineBuilder
{
    /// <param name="videoEncoder">the encoder of the video track; null for the codec's software encoder</param>
    /// <exception cref="ArgumentException">the plan's format or a source was not made by <see cref="GstFormatCatalog"/> or <see cref="SourceResolver"/></exception>
    public static BuiltPipeline Build(RecordingPlan plan, GLibLoop loop, EncoderCandidate? videoEncoder = null)
    {
        var format = plan.Format as RecordingFormat
            ?? throw new ArgumentException($"'{plan.Format.MimeType}' is not a format of the GStreamer format table", nameof(plan));
        var sources = plan.Sources.Select(SourceResolver.TrackSourceOf).ToList();
        var pipeline = GstPipeline.Create("recording");
        var gates = new List<PauseGate>();
        var inputs = new Dictionary<TrackKind, Func<GstElement>>();
        using var target = new SourceTarget(pipeline, loop, inputs);
        var built = new BuiltPipeline(pipeline, gates, target);
        try
        {
            Action<GstElement, TrackKind> linkToOutput;
            if (plan.Replay is { } replay)
            {
                var ring = built.Replay = target.Hold(new ReplayRing(replay, format.Container));
                linkToOutput = (last, kind) => ring.Link(target, last, kind);
            }
            else if (plan.Splitting is { } splitting)
            {
                var splitter = built.Splitter = FileSplitter.Make(target, format.Container, Output(plan), splitting, loop);
                linkToOutput = splitter.Link;
            }
            else
            {
                var muxer = format.Container.Configure(target.Make(format.Container.Muxer));
                // Not waiting for a first buffer to play (async): a recording paused straight after its start passes no data to the
                // muxer, and a pipeline whose sink waited to preroll never reached PLAYING, so its stop never drained it.
                muxer.LinkTo(target.Make("fdsink").Set("fd", Output(plan).Handle).Set("async", false));
                linkToOutput = (last, _) => last.LinkTo(muxer);
            }

            if (format.Audio is { } audio)
            {
                built.UsesEncoder(TrackKind.Audio, audio.Encoder);
                var levelInterval = plan.LevelInterval;
                GstElement AudioBranch()
                {
                    var encoder = target.Make(audio.Encoder);
                    new EncoderSettings(plan.Bitrates.Audio, plan.AudioBitrateMode).ApplyTo(encoder, audio);
                    List<GstElement> converters = [target.Make("audioconvert"), target.Make("audioresample")];
                    if (levelInterval is { } interval)
                    {
                        // Before the encoder, where the audio still flows while the gate after it drops a pause; the first track only.
                        converters.Add(target.Make("level").Set("interval", (ulong)interval.Ticks * 100));
                        levelInterval = null;
                    }

                    return Branch(target, gates, converters, encoder, audio.Parser, last => linkToOutput(last, TrackKind.Audio), gateAfterEncoder: true);
                }

                var audioSources = sources.Count(source => source.Kinds.Contains(TrackKind.Audio));
                inputs[TrackKind.Audio] = audioSources <= 1 ? Always(AudioBranch())
                    : plan.AudioTracks == AudioTrackLayout.Separate ? AudioBranch
                    : AudioMixer(target, AudioBranch());
            }

            if (format.Video is { } video)
            {
                var candidate = videoEncoder ?? video.Software;
                built.UsesEncoder(TrackKind.Video, candidate.Factory);
                var encoder = target.Make(candidate.Factory);
                var source = sources.FirstOrDefault(source => source.Kinds.Contains(TrackKind.Video));
                new EncoderSettings(plan.Bitrates.Video, KeyFrameInterval: plan.KeyFrames, FramesPerSecond: source?.NominalFramerate ?? 30).ApplyTo(encoder, candidate);
                // Held to the codec's caps, so that an encoder of another codec (a misconfigured ranking) fails to link.
                var branch = Branch(
                    target, gates, VideoConverters(target), encoder, video.Parser, last => linkToOutput(last, TrackKind.Video), gateAfterEncoder: false,
                    format.VideoProfile?.Caps ?? video.MediaType);
                inputs[TrackKind.Video] = Always((source?.Video ?? VideoConstraints.None).LinkBefore(target, branch));
            }

            foreach (var source in sources)
            {
                target.Build(source);
            }

            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    private static Func<GstElement> Always(GstElement input) => () => input;

    private static RecordingOutput Output(RecordingPlan plan) =>
        plan.Output ?? throw new ArgumentException("a recording into a file needs its output", nameof(plan));

    /// <summary>
    /// <c>videoconvert</c> to 8-bit 4:2:0 (I420, or NV12, which hardware encoders take), what every player and hardware decoder plays: left to choose,
    /// videoconvert kept a screen's or a test pattern's full chroma and depth, and VP9 and AV1 then wrote 4:4:4
    /// (VP9 profile 3, 12-bit), which browsers and phones do not play.
    /// </summary>
    private static GstElement[] VideoConverters(SourceTarget target) =>
        [target.Make("videoconvert"), target.Make("capsfilter").SetSerialized("caps", "video/x-raw,format={ (string)I420, (string)NV12 }")];

    /// <summary>
    /// Mixes several audio sources into the one audio track: an <c>audiomixer</c> before the branch, and for each source
    /// its own <c>queue → audioconvert → audioresample</c> into it, so sources of any format and rate mix. The mixer is
    /// live (see <see cref="LiveAudioMixer"/>): it mixes by timestamp and, when a source stalls, goes on with the others
    /// once its latency has passed, so one stalled source does not stop the mix.
    /// </summary>
    /// <returns>what makes a new input for each source</returns>
    private static Func<GstElement> AudioMixer(SourceTarget target, GstElement branch)
    {
        var mixer = target.Hold(LiveAudioMixer.Make());
        target.Add(mixer);
        mixer.LinkTo(branch);
        return () =>
        {
            var input = target.Make("queue");
            var convert = target.Make("audioconvert");
            var resample = target.Make("audioresample");
            input.LinkTo(convert);
            convert.LinkTo(resample);
            resample.LinkTo(mixer);
            return input;
        };
    }

    /// <summary>
    /// Links queue → converters → encoder [→ capsfilter] [→ parser] → output with a pause gate, and returns the queue,
    /// the branch's input.
    /// </summary>
    /// <param name="linkToOutput">links the last element to the muxer, or to the splitter's input for the track</param>
    /// <param name="encodedCaps">caps the encoder is held to (a profile and level), or null</param>
    /// <param name="gateAfterEncoder">
    /// Audio: after the encoder, whose packets decode on their own, so the encoder's input stays continuous
    /// (opusenc in GStreamer 1.22 crashed on a new segment while a partial frame was buffered, as with PipeWire's
    /// buffer sizes). Video: before the encoder, so the first frame after a pause is encoded from new input
    /// instead of referring to dropped frames.
    /// </param>
    private static GstElement Branch(
        SourceTarget target, List<PauseGate> gates, IEnumerable<GstElement> converters, GstElement encoder, string? parserFactory, Action<GstElement> linkToOutput,
        bool gateAfterEncoder, string? encodedCaps = null)
    {
        var input = target.Make("queue");
        var gate = PauseGate.Make();
        gates.Add(gate);
        target.Add(gate.Element);
        var chain = new List<GstElement> { input };
        chain.AddRange(converters);
        chain.Add(encoder);
        if (encodedCaps is not null)
        {
            chain.Add(target.Make("capsfilter").SetSerialized("caps", encodedCaps));
        }

        if (parserFactory is not null)
        {
            chain.Add(target.Make(parserFactory));
        }

        chain.Insert(gateAfterEncoder ? chain.Count : 1, gate.Element);
        GstElements.LinkInOrder(chain);
        linkToOutput(chain[^1]);

        return input;
    }
}
