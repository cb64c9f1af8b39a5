using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary><c>test:audio?wave=sine|silence|white-noise|ticks&amp;freq=HZ&amp;duration=MS</c>: a live tone.</summary>
public sealed class TestAudioSource(string uri, string wave, double frequency, TimeSpan? duration) : TrackSource(uri)
{
    internal const int SampleRate = 48000;
    private const int SamplesPerBuffer = SampleRate / 100;

    public static readonly IReadOnlyList<string> Waves = ["sine", "silence", "white-noise", "ticks"];

    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Audio };

    public override void Build(SourceTarget target)
    {
        var source = target.Make("audiotestsrc")
            .Set("is-live", true)
            .SetNick("wave", wave)
            .Set("freq", frequency)
            .Set("samplesperbuffer", SamplesPerBuffer);
        if (duration is { } length)
        {
            source.Set("num-buffers", (int)Math.Ceiling(length.TotalMilliseconds / 10));
        }

        using var caps = GstCaps.Create("audio/x-raw").With("rate", SampleRate).With("channels", 2);
        var filter = target.Make("capsfilter").Set("caps", caps);
        source.LinkTo(filter);
        target.LinkToInput(filter, TrackKind.Audio);
    }
}
