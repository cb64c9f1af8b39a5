using System.ComponentModel;
using System.Runtime.CompilerServices;
using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// The W3C MediaRecorder: its attributes, state machine and events. It lives on the loop thread:
/// every member is called there, every event is raised there, and like the spec, each method
/// changes state before it returns and raises its events later from a queued task.
/// </summary>
public sealed partial class MediaRecorder : INotifyPropertyChanged
{
    private readonly RecorderContext _context;
    private readonly List<IStreamSource> _sources;
    private readonly OutputLocations _outputs;
    private bool _outputFdUsed;
    private RecordingSession? _session;
    private Task? _starting;
    private RecordingState _state;
    private string _mimeType;
    private BitrateSettings _bitrates;
    private string _location = "";
    private TimeSpan _duration;
    private long _bytesWritten;
    private TimeSpan _replayBuffered;
    private IReadOnlyDictionary<TrackKind, string> _encoders = new Dictionary<TrackKind, string>();
    private bool _destroyed;

    /// <summary>Completes once the current or last recording's file is final, including one still draining after stop().</summary>
    public Task Finalized { get; private set; } = Task.CompletedTask;

    /// <summary>The spec's constructor: checks the type and options, records nothing yet.</summary>
    /// <param name="owner">who created it: its files are created with the owner's rights, by default in the owner's directories</param>
    /// <exception cref="RecorderException">NotSupportedError for an unsupported type, both key-frame options, too many tracks, or splitting an outputFd</exception>
    /// <exception cref="ArgumentException">neither <c>location</c> nor <c>outputFd</c> is given, and the owner has no default directory</exception>
    public MediaRecorder(IEnumerable<IStreamSource> sources, RecorderOptions options, RecorderContext context, Caller owner)
    {
        if (!context.Formats.IsTypeSupported(options.MimeType))
        {
            throw RecorderException.NotSupported($"'{options.MimeType}' is not a type this machine can record");
        }

        if (options is { VideoKeyFrameIntervalDuration: not null, VideoKeyFrameIntervalCount: not null })
        {
            throw RecorderException.NotSupported("videoKeyFrameIntervalDuration and videoKeyFrameIntervalCount cannot both be given");
        }

        _sources = [.. sources];
        RequireAtMostOneVideoTrack(_sources);
        _context = context;
        _outputs = context.Outputs.For(owner);
        if (options is { Location: null, OutputFd: null } && !_outputs.HasDefaults)
        {
            throw new ArgumentException($"option 'location' or 'outputFd' is required: {owner} has no home directory for recordings");
        }

        if (options is { Splitting: not null, OutputFd: not null })
        {
            throw RecorderException.NotSupported("a recording into an outputFd is one file and cannot be split; give 'location' instead");
        }

        if (options.Replay is not null && (options.Splitting is not null || options.OutputFd is not null || options.Location is not null))
        {
            throw RecorderException.NotSupported("a replay buffer writes no file while it records: 'location', 'outputFd' and splitting do not go with 'replayBuffer'; give SaveReplay a location");
        }

        Options = options;
        _mimeType = options.MimeType;
        _bitrates = BitrateSettings.ForConstructor(options.BitsPerSecond, options.AudioBitsPerSecond, options.VideoBitsPerSecond);
    }

    public event PropertyChangedEventHandler? PropertyChanged;

    public RecorderOptions Options { get; }

    public RecordingState State { get => _state; private set => Set(ref _state, value); }

    /// <summary>Recording, paused, or starting: what counts against the limits on recordings at once.</summary>
    public bool HoldsRecordingSlot => State != RecordingState.Inactive || _starting is not null;

    public string MimeType { get => _mimeType; private set => Set(ref _mimeType, value); }

    public uint AudioBitsPerSecond => _bitrates.Audio;

    public uint VideoBitsPerSecond => _bitrates.Video;

    public BitrateMode AudioBitrateMode => Options.AudioBitrateMode;

    public IReadOnlyList<string> Sources => [.. _sources.Select(source => source.Uri)];

    /// <summary>The output file of the current or last recording; empty before the first start.</summary>
    public string Location { get => _location; private set => Set(ref _location, value); }

    /// <summary>Recorded media time of the current or last recording, pauses excluded.</summary>
    public TimeSpan Duration { get => _duration; private set => Set(ref _duration, value); }

    public long BytesWritten { get => _bytesWritten; private set => Set(ref _bytesWritten, value); }

    /// <summary>How much the replay buffer of the current or last recording held when last measured; zero without one.</summary>
    public TimeSpan ReplayBuffered { get => _replayBuffered; private set => Set(ref _replayBuffered, value); }

    /// <summary>The encoder of each track of the current or last recording, known once it started; empty before.</summary>
    public IReadOnlyDictionary<TrackKind, string> Encoders { get => _encoders; internal set => Set(ref _encoders, value); }

    /// <summary>Several audio sources are mixed into one track; video cannot be mixed.</summary>
    private static void RequireAtMostOneVideoTrack(IEnumerable<IStreamSource> sources)
    {
        if (sources.SelectMany(source => source.Kinds).Count(kind => kind == TrackKind.Video) > 1)
        {
            throw RecorderException.NotSupported("a recorder records at most one video track (several audio sources are mixed)");
        }
    }

    private void SetBitrates(BitrateSettings bitrates)
    {
        var old = _bitrates;
        _bitrates = bitrates;
        if (old.Audio != bitrates.Audio)
        {
            OnPropertyChanged(nameof(AudioBitsPerSecond));
        }

        if (old.Video != bitrates.Video)
        {
            OnPropertyChanged(nameof(VideoBitsPerSecond));
        }
    }

    /// <summary>The spec's "Inactivate the recorder": state, mimeType and bitrates go back to their idle values.</summary>
    private void Inactivate()
    {
        State = RecordingState.Inactive;
        MimeType = Options.MimeType;
        SetBitrates(BitrateSettings.ForInactivate(_bitrates, Options.BitsPerSecond));
        _session = null;
    }

    private void Set<T>(ref T field, T value, [CallerMemberName] string property = "")
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
        {
            return;
        }

        field = value;
        OnPropertyChanged(property);
    }
}
