using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// An encoded packet of a replay buffer: its buffer (owned), its time (the running time of its PTS, else DTS: the
/// recording's time, pauses left out), and whether it starts a key-frame interval.
/// </summary>
internal sealed record ReplayPacket(GstBuffer Buffer, TimeSpan Time, bool IsKey)
{
    /// <summary>The buffer with the timestamps of a file that starts at <paramref name="start"/>.</summary>
    public GstBuffer TimedFrom(TimeSpan start) => Buffer.WithTimestampsShiftedBy(Time - start - (Buffer.Pts ?? Buffer.Dts)!.Value);
}

/// <summary>One track's packets in a <see cref="ReplayRing"/>, oldest first, and the caps of the newest; the ring locks around it.</summary>
internal sealed class ReplayTrack(TrackKind kind) : IDisposable
{
    private readonly LinkedList<ReplayPacket> _packets = [];
    private readonly Queue<TimeSpan> _keys = new();

    public TrackKind Kind => kind;

    public GstCaps? Caps { get; private set; }

    public IEnumerable<ReplayPacket> Packets => _packets;

    public TimeSpan? FirstKey => _keys.Count > 0 ? _keys.Peek() : null;

    public TimeSpan? SecondKey => _keys.Count > 1 ? _keys.ElementAt(1) : null;

    /// <summary>Keeps <paramref name="packet"/> and <paramref name="caps"/> (both now owned).</summary>
    public void Add(ReplayPacket packet, GstCaps caps)
    {
        Caps?.Dispose();
        Caps = caps;
        _packets.AddLast(packet);
        if (packet.IsKey)
        {
            _keys.Enqueue(packet.Time);
        }
    }

    /// <returns>the bytes dropped</returns>
    public long DropBefore(TimeSpan time)
    {
        long dropped = 0;
        while (_packets.First?.Value is { } oldest && oldest.Time < time)
        {
            _packets.RemoveFirst();
            dropped += oldest.Buffer.Size;
            oldest.Buffer.Dispose();
        }

        while (_keys.Count > 0 && _keys.Peek() < time)
        {
            _keys.Dequeue();
        }

        return dropped;
    }

    /// <summary>A copy sharing the packets' buffers and the caps (new references), for a save.</summary>
    public ReplayTrack Share()
    {
        var copy = new ReplayTrack(kind) { Caps = Caps?.Share() };
        foreach (var packet in _packets)
        {
            copy._packets.AddLast(packet with { Buffer = packet.Buffer.Share() });
        }

        return copy;
    }

    public void Dispose()
    {
        foreach (var packet in _packets)
        {
            packet.Buffer.Dispose();
        }

        _packets.Clear();
        _keys.Clear();
        Caps?.Dispose();
        Caps = null;
    }
}

/// <summary>What a replay buffer held at one moment, from its first key frame (<paramref name="Start"/>) to <paramref name="End"/>; disposing releases it.</summary>
internal sealed record ReplaySnapshot(ContainerFormat Container, TimeSpan Start, TimeSpan End, IReadOnlyList<ReplayTrack> Tracks) : IDisposable
{
    public TimeSpan Duration => End - Start;

    public void Dispose()
    {
        foreach (var track in Tracks)
        {
            track.Dispose();
        }
    }
}
