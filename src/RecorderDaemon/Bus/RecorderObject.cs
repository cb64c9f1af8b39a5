using System.ComponentModel;
using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary>
/// One recorder on the bus (<c>io.github.recorderd.MediaRecorder1</c>): methods call the
/// <see cref="MediaRecorder"/> on the loop thread and reply at once (Stop and Destroy once the file
/// is final); its events become signals and its property changes PropertiesChanged, in order.
/// </summary>
public sealed class RecorderObject : IDBusObject
{
    private readonly DBusConnection _connection;
    private readonly RecorderRegistry _registry;
    private readonly BusReplies _replies;

    public RecorderObject(string path, string owner, uint ownerUid, MediaRecorder recorder, DBusConnection connection, RecorderRegistry registry, BusReplies replies)
    {
        Path = path;
        Owner = owner;
        OwnerUid = ownerUid;
        Recorder = recorder;
        _connection = connection;
        _registry = registry;
        _replies = replies;
        recorder.PropertyChanged += OnPropertyChanged;
        recorder.Started += () => Emit("Started");
        recorder.Stopped += () => Emit("Stopped");
        recorder.Paused += () => Emit("Paused");
        recorder.Resumed += () => Emit("Resumed");
        recorder.DataAvailable += chunk =>
            Emit("DataAvailable", GVariant.Tuple(GVariant.UInt64((ulong)chunk.Offset), GVariant.UInt64((ulong)chunk.Size), GVariant.Double(chunk.TimecodeMs)));
        recorder.Error += error => Emit("Error", GVariant.Tuple(GVariant.String(error.Name.Spelled()), GVariant.String(error.Message)));
        recorder.Warning += message => Emit("Warning", GVariant.Tuple(GVariant.String(message)));
    }

    public string Path { get; }

    /// <summary>Unique bus name of the creator.</summary>
    public string Owner { get; }

    public uint OwnerUid { get; }

    public MediaRecorder Recorder { get; }

    public static IReadOnlyList<string> PropertyNames { get; } =
        ["State", "MimeType", "AudioBitsPerSecond", "VideoBitsPerSecond", "AudioBitrateMode", "Sources", "Location", "Duration", "BytesWritten", "Owner"];

    public void HandleMethodCall(DBusMethodInvocation call) => _registry.Access.WhenAllowed(call, this, () => Dispatch(call));

    public GVariant? GetProperty(string sender, string propertyName) => propertyName switch
    {
        "State" => GVariant.String(Recorder.State.Name()),
        "MimeType" => GVariant.String(Recorder.MimeType),
        "AudioBitsPerSecond" => GVariant.UInt32(Recorder.AudioBitsPerSecond),
        "VideoBitsPerSecond" => GVariant.UInt32(Recorder.VideoBitsPerSecond),
        "AudioBitrateMode" => GVariant.String(Recorder.AudioBitrateMode.ToSpecName()),
        "Sources" => GVariant.StringArray(Recorder.Sources),
        "Location" => GVariant.String(Recorder.Location),
        "Duration" => GVariant.UInt64((ulong)(Recorder.Duration.Ticks / TimeSpan.TicksPerMicrosecond)),
        "BytesWritten" => GVariant.UInt64((ulong)Recorder.BytesWritten),
        "Owner" => GVariant.String(Owner),
        _ => null,
    };

    /// <summary>All properties as <c>a{sv}</c>, for InterfacesAdded and GetManagedObjects.</summary>
    public GVariant AllProperties() =>
        GVariant.VariantDictionary(PropertyNames.Select(name => KeyValuePair.Create(name, GetProperty(Owner, name)!)));

    private void Dispatch(DBusMethodInvocation call)
    {
        switch (call.MethodName)
        {
            case "Start":
                var timeslice = call.Parameters.GetChild(0).GetUInt32();
                _replies.Run(call, () =>
                {
                    // An active recorder already holds a slot; its start() fails the spec's state check first (InvalidStateError).
                    if (Recorder.State == RecordingState.Inactive)
                    {
                        _registry.RequireRecordingSlot(OwnerUid);
                    }

                    Recorder.Start(timeslice);
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
            case "AddSource":
                AddSource(call, call.Parameters.GetChild(0).GetString());
                break;
            case "RemoveSource":
                var uri = call.Parameters.GetChild(0).GetString();
                _replies.Run(call, () => Recorder.RemoveSource(uri));
                break;
            case "Destroy":
                _replies.RunAsync(call, async () =>
                {
                    await _registry.DestroyAsync(this);
                    return null;
                });
                break;
            default:
                _replies.Fail(call, new ArgumentException($"unknown method {call.MethodName}"));
                break;
        }
    }

    /// <summary>
    /// The source is resolved with the caller's rights; that may probe devices or files, so it runs off the loop.
    /// The change itself is made back on it.
    /// </summary>
    private void AddSource(DBusMethodInvocation call, string uri) => _replies.RunAsync(call, async () =>
    {
        var source = _registry.Sources.Parse(uri);
        var caller = await _registry.Access.IdentityOf(call.Sender);
        SandboxRules.RequireAllowed(caller, [source]);
        await Task.Run(() => _registry.Sources.Resolve(source, caller.Files));
        await _registry.Loop.InvokeAsync(() => Recorder.AddSource(source));
        return null;
    });

    private void OnPropertyChanged(object? sender, PropertyChangedEventArgs change)
    {
        if (change.PropertyName is { } name && GetProperty(Owner, name) is { } value)
        {
            _connection.EmitSignal(null, Path, BusNames.Properties, "PropertiesChanged", GVariant.Tuple(
                GVariant.String(BusNames.Recorder),
                GVariant.VariantDictionary([KeyValuePair.Create(name, value)]),
                GVariant.StringArray([])));
        }
    }

    private void Emit(string signal, GVariant? parameters = null) => _connection.EmitSignal(null, Path, BusNames.Recorder, signal, parameters);
}
