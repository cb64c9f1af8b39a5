using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// Saves a <see cref="ReplaySnapshot"/>: an <c>appsrc</c> per track, with the track's caps, into the format's muxer and an
/// <c>fdsink</c>, each packet timed from the snapshot's start, so the file starts on the key frame at 0.
/// It blocks until the muxer has finalized the file: run it off the loop.
/// </summary>
internal static class ReplayWriter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <returns>the duration saved</returns>
    /// <exception cref="RecorderException">UnknownError when the file could not be written</exception>
    public static TimeSpan Write(ReplaySnapshot snapshot, RecordingOutput output)
    {
        using var pipeline = GstPipeline.Create("replay-save");
        var made = new List<GstElement>();
        try
        {
            var muxer = Add(snapshot.Container.Configure(GstElements.Make(snapshot.Container.Muxer)));
            muxer.LinkTo(Add(GstElements.Make("fdsink").Set("fd", output.Handle)));
            var sources = snapshot.Tracks.Select(track =>
            {
                // Unbounded (max-bytes 0), so pushing the whole track never blocks.
                var source = GstAppSource.Create();
                Add(source.Set("caps", track.Caps!).SetNick("format", "time").Set("max-bytes", 0UL));

                // An appsrc answers no caps until it runs, so linked straight to the muxer an audio track took its video pad.
                var held = Add(GstElements.Make("capsfilter").Set("caps", track.Caps!));
                source.LinkTo(held);
                held.LinkTo(muxer);
                return (Source: source, Track: track);
            }).ToList();

            if (!pipeline.SetState(GstState.Playing))
            {
                throw new RecorderException(DomErrorName.UnknownError, "the replay could not be saved: its muxing pipeline did not start");
            }

            foreach (var (source, track) in sources)
            {
                foreach (var packet in track.Packets)
                {
                    using var timed = packet.TimedFrom(snapshot.Start);
                    source.Push(timed);
                }

                source.EndStream();
            }

            var end = pipeline.WaitForEndOrError(Timeout);
            if (end is not { Kind: GstMessageKind.EndOfStream })
            {
                var why = end is null ? $"it was not written within {Timeout.TotalSeconds:0} s" : ErrorNames.Describe(end);
                throw new RecorderException(end is null ? DomErrorName.UnknownError : ErrorNames.For(end.Error), $"the replay could not be saved: {why}");
            }

            return snapshot.Duration;
        }
        finally
        {
            pipeline.SetState(GstState.Null);
            foreach (var element in made)
            {
                element.Dispose();
            }
        }

        GstElement Add(GstElement element)
        {
            made.Add(element);
            pipeline.Add(element);
            return element;
        }
    }
}
