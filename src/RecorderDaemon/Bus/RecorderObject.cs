using System.ComponentModel;
using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// One recorder on the bus (<c>io.github.recorderd.MediaRecorder1</c>): methods call the
/// <see cref="MediaRecorder"/> on the loop thread and reply at once (Start once the recording began, Stop and Destroy once
/// the file is final); its events become signals and its property changes PropertiesChanged, in order.
/// </summary>
public sealed class RecorderObject : IBusInterface
{
    private readonly BusConnection _connection;
    private readonly RecorderRegistry _registry;
    private readonly BusObjectTree _objects;
    private readonly BusReplies _replies;

    public RecorderObject(
        string path, Caller owner, MediaRecorder recorder, BusConnection connection, RecorderRegistry registry, BusObjectTree objects, BusReplies replies)
    {
        Path = path;
        Owner = owner.BusName;
        OwnerUid = owner.Uid;
        Recorder = recorder;
        _connection = connection;
        _registry = registry;
        _objects = objects;
        _replies = replies;
        recorder.PropertyChanged += OnPropertyChanged;
        recorder.Started += () => Emit("Started");
        recorder.Stopped += () => Emit("Stopped");
        recorder.Paused += () => Emit("Paused");
        recorder.Resumed += () => Emit("Resumed");
        recorder.DataAvailable += chunk => Emit("DataAvailable", BusBody.DataAvailable(chunk));
        recorder.Error += error => Emit("Error", BusBody.Error(error.Name.Spelled(), error.Message));
        recorder.Warning += message => Emit("Warning", BusBody.String(message));
        recorder.FileChanged += path => Emit("FileChanged", BusBody.String(path));
        recorder.ReplaySaved += (path, duration) => Emit("ReplaySaved", BusBody.ReplaySaved(path, duration));
        recorder.LevelsMeasured += levels => Emit("AudioLevels", BusBody.AudioLevels(levels));
    }

    public string Path { get; }

    /// <summary>Unique bus name of the creator.</summary>
    public string Owner { get; }

    public uint OwnerUid { get; }

    public MediaRecorder Recorder { get; }

    public InterfaceDescription Description => BusInterfaces.Recorder;

    public void HandleMethodCall(BusCall call) => _registry.Access.WhenAllowed(call, this, () => Dispatch(call));

    public VariantValue GetProperty(string name) => name switch
    {
        "State" => Recorder.State.Name(),
        "MimeType" => Recorder.MimeType,
        "AudioBitsPerSecond" => Recorder.AudioBitsPerSecond,
        "VideoBitsPerSecond" => Recorder.VideoBitsPerSecond,
        "AudioBitrateMode" => Recorder.AudioBitrateMode.ToSpecName(),
        "Sources" => VariantValue.Array(Recorder.Sources.ToArray()),
        "Location" => Recorder.Location,
        "Duration" => (ulong)(Recorder.Duration.Ticks / TimeSpan.TicksPerMicrosecond),
        "BytesWritten" => (ulong)Recorder.BytesWritten,
        "ReplayBuffered" => (ulong)(Recorder.ReplayBuffered.Ticks / TimeSpan.TicksPerMicrosecond),
        "Encoders" => new Dict<string, string>(Recorder.Encoders.ToDictionary(encoder => encoder.Key.ToString().ToLowerInvariant(), encoder => encoder.Value)),
        "Owner" => Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Every property, for InterfacesAdded and GetManagedObjects.</summary>
    public IReadOnlyList<KeyValuePair<string, VariantValue>> AllProperties() =>
        Description.Properties.Keys.Select(name => KeyValuePair.Create(name, GetProperty(name))).ToList();

    private void Dispatch(BusCall call)
    {
        switch (call.Member)
        {
            case "Start":
                var timeslice = call.Arguments().ReadUInt32();
                _replies.RunAsync(call, async () =>
                {
                    var starting = _registry.Recorders.StartAsync(Recorder, timeslice);
                    // Start finishes off the loop: a client that calls on without waiting for the reply still sees its calls in order.
                    _objects.HoldCalls(Path, starting);
                    await starting;
                    return null;
                });
                break;
            case "Stop":
                _replies.RunAsync(call, async () =>
                {
                    await Recorder.Stop();
                    return null;
                });
                break;
            case "Pause":
                _replies.Run(call, Recorder.Pause);
                break;
            case "Resume":
                _replies.Run(call, Recorder.Resume);
                break;
            case "RequestData":
                _replies.Run(call, Recorder.RequestData);
                break;
            case "Split":
                _replies.Run(call, Recorder.Split);
                break;
            case "SaveReplay":
                var location = call.Arguments().ReadString();
                _replies.RunAsync(call, async () =>
                    BusBody.String(await Recorder.SaveReplayAsync(location.Length == 0 ? null : LocationTemplate.Validate(location, Recorder.Options.Profile))));
                break;
            case "AddSource":
                AddSource(call, call.Arguments().ReadString());
                break;
            case "RemoveSource":
                var uri = call.Arguments().ReadString();
                _replies.Run(call, () => Recorder.RemoveSource(uri));
                break;
            case "Destroy":
                _replies.RunAsync(call, async () =>
                {
                    await _registry.DestroyAsync(this);
                    return null;
                });
                break;
        }
    }

    /// <summary>The source is resolved with the caller's rights (see <see cref="Recorders.AddSourceAsync"/>).</summary>
    private void AddSource(BusCall call, string uri) => _replies.RunAsync(call, async () =>
    {
        var source = _registry.Recorders.Parse(uri, Recorder.Options);
        var caller = await _registry.Access.IdentityOf(call.Sender);
        SandboxRules.RequireAllowed(caller, [source]);
        await _registry.Recorders.AddSourceAsync(Recorder, source, caller);
        return null;
    });

    private void OnPropertyChanged(object? sender, PropertyChangedEventArgs change)
    {
        if (change.PropertyName is { } name && Description.Properties.ContainsKey(name))
        {
            _connection.EmitSignal(Path, BusNames.Properties, "PropertiesChanged", BusBody.PropertiesChanged(BusNames.Recorder, name, GetProperty(name)));
        }
    }

    private void Emit(string signal, BusBody? body = null) => _connection.EmitSignal(Path, BusNames.Recorder, signal, body);
}
