using RecorderDaemon.Access;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// <c>app-audio:NAME</c>: what an application plays, NAME being its <c>application.name</c> or binary name
/// (<c>application.process.binary</c>). Its playback streams (<c>Stream/Output/Audio</c> nodes) come and go as it
/// plays and pauses, so the track is a mixer fed by live silence, to which an <see cref="AppStreamFollower"/> adds a
/// <c>pipewiresrc</c> for each of the application's streams and from which it removes the streams that ended.
/// An application that plays nothing, or does not exist (yet), is recorded as silence, not an error.
/// </summary>
public sealed class AppAudioSource(string uri, string application, IDeviceList devices) : TrackSource(uri)
{
    private static readonly IReadOnlyList<string> StreamProperties = ["node.name", "object.serial", "application.name", "application.process.binary"];

    public override IReadOnlySet<TrackKind> Kinds { get; } = new HashSet<TrackKind> { TrackKind.Audio };

    /// <summary>Only checks the caller's access to PipeWire: an application that plays nothing yet is recorded as silence.</summary>
    public override void Resolve(CallerFiles files) => PipeWireSource.RequireServerAccess(files);

    public override void Build(SourceTarget target)
    {
        var mixer = LiveAudioMixer.Make();
        target.Add(mixer);
        var silence = target.Make("audiotestsrc")
            .Set("is-live", true)
            .SetNick("wave", "silence")
            .Set("samplesperbuffer", TestAudioSource.SampleRate / 100);
        using var caps = GstCaps.Create("audio/x-raw").With("rate", TestAudioSource.SampleRate).With("channels", 2);
        var silenceFormat = target.Make("capsfilter").Set("caps", caps);
        var mixedFormat = target.Make("capsfilter").Set("caps", caps);
        silence.LinkTo(silenceFormat);
        silenceFormat.LinkTo(mixer);
        mixer.LinkTo(mixedFormat);
        target.LinkToInput(mixedFormat, TrackKind.Audio);
        target.UntilTearDown(new AppStreamFollower(target, mixer, PlayingStreams)).Start();
    }

    /// <summary>The <c>object.serial</c> of each playback stream of the application, as the device list knows them now.</summary>
    private HashSet<string> PlayingStreams() =>
    [
        .. PipeWireSource.Nodes(devices, "Stream/Output/Audio", StreamProperties)
            .Where(stream => IsOf(stream, application))
            .Select(stream => stream.Properties["object.serial"]),
    ];

    /// <summary>Whether <paramref name="stream"/>, a playback stream, belongs to the application named <paramref name="name"/>.</summary>
    internal static bool IsOf(GstDeviceInfo stream, string name) =>
        stream.Properties.GetValueOrDefault("application.name") == name
        || stream.Properties.GetValueOrDefault("application.process.binary") == name;
}
