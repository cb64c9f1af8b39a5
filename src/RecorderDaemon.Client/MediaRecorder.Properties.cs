using System.ComponentModel;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

public sealed partial class MediaRecorder : INotifyPropertyChanged
{
    // Guards _announced and the replacing of _properties: the initial GetAll is applied on the caller's thread,
    // changes on the receive loop.
    private readonly Lock _propertiesLock = new();

    // Replaced as a whole; readable from any thread.
    private volatile RecorderProperties _properties = new();

    // The properties PropertiesChanged announced before the initial GetAll was applied; null afterwards.
    private HashSet<string>? _announced = [];

    /// <summary>Raised on the connection's receive loop, with the name of the property below that changed.</summary>
    public event PropertyChangedEventHandler? PropertyChanged;

    public RecordingState State => _properties.State;

    /// <summary>As constructed until just before Started, then the full type with codecs.</summary>
    public string MimeType => _properties.MimeType;

    public uint AudioBitsPerSecond => _properties.AudioBitsPerSecond;

    public uint VideoBitsPerSecond => _properties.VideoBitsPerSecond;

    public BitrateMode AudioBitrateMode => _properties.AudioBitrateMode;

    /// <summary>The source URIs of the current track set.</summary>
    public IReadOnlyList<string> Sources => _properties.Sources;

    /// <summary>The output file of the current or last recording.</summary>
    public string Location => _properties.Location;

    /// <summary>Recorded media time, pauses excluded; the daemon updates it at least once a second.</summary>
    public TimeSpan Duration => _properties.Duration;

    /// <summary>Bytes of the recording, in all its files when it is split.</summary>
    public ulong BytesWritten => _properties.BytesWritten;

    /// <summary>How much the replay buffer holds, refreshed each second; zero without one.</summary>
    public TimeSpan ReplayBuffered => _properties.ReplayBuffered;

    /// <summary>The GStreamer encoder of each track (keys <c>audio</c>, <c>video</c>) of the current or last recording, once it started.</summary>
    public IReadOnlyDictionary<string, string> Encoders => _properties.Encoders;

    /// <summary>The unique bus name of the recorder's creator.</summary>
    public string Owner => _properties.Owner;

    private static MatchRule PropertiesChangedRule(string path) => new()
    {
        Type = MessageType.Signal,
        Sender = RecorderBus.Name,
        Path = path,
        Interface = RecorderBus.PropertiesInterface,
        Member = "PropertiesChanged",
        Arg0 = RecorderBus.RecorderInterface,
    };

    // PropertiesChanged (s interface, a{sv} changed, as invalidated): the daemon announces every change with its value.
    private static Dictionary<string, VariantValue>? ReadChangedProperties(Message message)
    {
        var reader = message.GetBodyReader();
        return reader.ReadString() == RecorderBus.RecorderInterface ? reader.ReadDictionaryOfStringToVariantValue() : null;
    }

    /// <summary>
    /// Applies the initial GetAll, except for properties already announced since subscribing: every
    /// change is announced, so an announced value is at least as new as the snapshot's whether its
    /// signal came before or after the GetAll reply.
    /// </summary>
    private void ApplySnapshot(Dictionary<string, VariantValue> all)
    {
        lock (_propertiesLock)
        {
            foreach (var (name, value) in all)
            {
                if (!_announced!.Contains(name))
                {
                    _properties = _properties.With(name, value);
                }
            }

            _announced = null;
        }
    }

    private void OnPropertiesChanged(Dictionary<string, VariantValue> changed)
    {
        lock (_propertiesLock)
        {
            foreach (var (name, value) in changed)
            {
                _properties = _properties.With(name, value);
                _announced?.Add(name);
            }
        }

        foreach (var name in changed.Keys)
        {
            PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(name));
        }
    }

    /// <summary>The recorder's D-Bus properties, named as on the bus.</summary>
    private sealed record RecorderProperties
    {
        public RecordingState State { get; init; }

        public string MimeType { get; init; } = "";

        public uint AudioBitsPerSecond { get; init; }

        public uint VideoBitsPerSecond { get; init; }

        public BitrateMode AudioBitrateMode { get; init; } = BitrateMode.Variable;

        public IReadOnlyList<string> Sources { get; init; } = [];

        public string Location { get; init; } = "";

        public TimeSpan Duration { get; init; }

        public ulong BytesWritten { get; init; }

        public TimeSpan ReplayBuffered { get; init; }

        public IReadOnlyDictionary<string, string> Encoders { get; init; } = new Dictionary<string, string>();

        public string Owner { get; init; } = "";

        /// <summary>A copy with <paramref name="name"/> set; unknown names (a newer daemon's) are ignored.</summary>
        public RecorderProperties With(string name, VariantValue value) => name switch
        {
            nameof(State) => this with { State = RecorderEnumNames.ParseRecordingState(value.GetString()) },
            nameof(MimeType) => this with { MimeType = value.GetString() },
            nameof(AudioBitsPerSecond) => this with { AudioBitsPerSecond = value.GetUInt32() },
            nameof(VideoBitsPerSecond) => this with { VideoBitsPerSecond = value.GetUInt32() },
            nameof(AudioBitrateMode) => this with { AudioBitrateMode = RecorderEnumNames.ParseBitrateMode(value.GetString()) },
            nameof(Sources) => this with { Sources = value.GetArray<string>() },
            nameof(Location) => this with { Location = value.GetString() },
            nameof(Duration) => this with { Duration = TimeSpan.FromMicroseconds(checked((long)value.GetUInt64())) },
            nameof(BytesWritten) => this with { BytesWritten = value.GetUInt64() },
            nameof(ReplayBuffered) => this with { ReplayBuffered = TimeSpan.FromMicroseconds(checked((long)value.GetUInt64())) },
            nameof(Encoders) => this with { Encoders = value.GetDictionary<string, string>() },
            nameof(Owner) => this with { Owner = value.GetString() },
            _ => this,
        };
    }
}
