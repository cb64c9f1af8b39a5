using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// A replay buffer: each track's encoded packets, as they leave its encoder or parser, kept in memory with the caps
/// they are muxed with. The reference track (the video, else the first audio track) cuts the buffer into key-frame
/// intervals; the oldest interval goes once the rest still holds the span asked for, or while the buffer holds more
/// bytes than its cap. Packets of the other tracks older than the reference's first key frame go with it, so whatever
/// is kept starts on a key frame. Packets arrive on streaming threads; every member locks.
/// </summary>
internal sealed class ReplayRing(ReplayBuffering settings, ContainerFormat container) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ReplayTrack> _tracks = [];
    private ReplayTrack? _reference;
    private TimeSpan _end;
    private long _bytes;

    /// <summary>Media held, from the first key frame to the end of the newest packet.</summary>
    public TimeSpan Buffered
    {
        get
        {
            lock (_lock)
            {
                return _reference?.FirstKey is { } start ? _end - start : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Bytes held.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Links a track's last element to an <c>appsink</c> that keeps its packets here.</summary>
    public void Link(SourceTarget target, GstElement last, TrackKind kind)
    {
        var track = new ReplayTrack(kind);
        lock (_lock)
        {
            _tracks.Add(track);
            if (_reference is null || (kind == TrackKind.Video && _reference.Kind != TrackKind.Video))
            {
                _reference = track;
            }
        }

        var sink = target.Hold(GstAppSink.Create());
        // Not synchronized to the clock: packets are kept as soon as they are encoded.
        sink.Set("sync", false);
        target.Add(sink);
        last.LinkTo(sink);
        sink.OnNewSample((buffer, caps, runningTime) => Add(track, buffer, caps, runningTime));
    }

    /// <summary>Writes what is held now into <paramref name="output"/>, off the calling thread; the ring goes on meanwhile.</summary>
    /// <returns>the duration saved, once the file is final</returns>
    /// <exception cref="RecorderException">InvalidStateError when nothing is held yet</exception>
    public Task<TimeSpan> SaveAsync(RecordingOutput output)
    {
        var snapshot = Snapshot();
        return BlockingWork.Run(() =>
        {
            using (snapshot)
            {
                return ReplayWriter.Write(snapshot, output);
            }
        });
    }

    /// <summary>Copies what is held now, from the first key frame on: new references to the same packets.</summary>
    private ReplaySnapshot Snapshot()
    {
        lock (_lock)
        {
            if (_reference?.FirstKey is not { } start)
            {
                throw RecorderException.InvalidState("the replay buffer holds nothing yet: no key frame has been recorded");
            }

            return new ReplaySnapshot(container, start, _end, [.. _tracks.Where(track => track.Caps is not null).Select(track => track.Share())]);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var track in _tracks)
            {
                track.Dispose();
            }

            _tracks.Clear();
            _bytes = 0;
        }
    }

    /// <param name="time">
    /// the running time of the buffer, which is kept as the packet's time: the pause gates shift what follows a pause
    /// back by a pad offset, which the running time has and the timestamps have not
    /// </param>
    private void Add(ReplayTrack track, GstBuffer buffer, GstCaps caps, TimeSpan? time)
    {
        // Headers (Vorbis, Theora) are in the caps too, where muxers take them from.
        if (buffer.IsHeader || time is null)
        {
            buffer.Dispose();
            caps.Dispose();
            return;
        }

        lock (_lock)
        {
            track.Add(new ReplayPacket(buffer, time.Value, IsKey: !buffer.IsDeltaUnit), caps);
            _bytes += buffer.Size;
            var end = time.Value + (buffer.Duration ?? TimeSpan.Zero);
            if (end > _end)
            {
                _end = end;
            }
            Trim();
        }
    }

    private void Trim()
    {
        if (_reference is null)
        {
            return;
        }

        while (_reference.SecondKey is { } next
            && (_end - next >= settings.Span || (settings.MaxBytes is { } max && _bytes > max)))
        {
            DropBefore(next);
        }

        if (_reference.FirstKey is { } first)
        {
            DropBefore(first);
        }
    }

    private void DropBefore(TimeSpan time)
    {
        foreach (var track in _tracks)
        {
            _bytes -= track.DropBefore(time);
        }
    }
}
