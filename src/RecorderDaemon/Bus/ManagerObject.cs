using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary><c>io.github.recorderd.Manager1</c>: the MediaRecorder constructor, isTypeSupported and device enumeration.</summary>
/// <param name="devices">the daemon's device watch, or null when devices could not be watched</param>
/// <param name="authorization">who may create recorders on the system bus; null on the session bus, where every caller may</param>
public sealed class ManagerObject(
    RecorderRegistry registry, RecorderContext context, BusReplies replies, string version, GstDeviceWatch? devices, RecordAuthorization? authorization)
    : IDBusObject
{
    public void HandleMethodCall(DBusMethodInvocation call)
    {
        switch (call.MethodName)
        {
            case "CreateRecorder":
                CreateRecorder(call);
                break;
            case "IsTypeSupported":
                var mimeType = call.Parameters.GetChild(0).GetString();
                replies.Run(call, () => GVariant.Tuple(GVariant.Boolean(TypeSupport.IsTypeSupported(mimeType))));
                break;
            case "EnumerateDevices":
                replies.RunAsync(call, async () => GVariant.Tuple(await Task.Run(() => MediaDevices.Enumerate(devices))));
                break;
            default:
                replies.Fail(call, new ArgumentException($"unknown method {call.MethodName}"));
                break;
        }
    }

    public GVariant? GetProperty(string sender, string propertyName) => propertyName switch
    {
        "SupportedMimeTypes" => GVariant.StringArray(RecordingFormats.SupportedMimeTypes),
        "Version" => GVariant.String(version),
        _ => null,
    };

    /// <summary>
    /// Checks the arguments on the loop, asks whether the caller may record (system bus), checks the
    /// limits on the loop, resolves the sources off it (devices and files are probed), then constructs
    /// and registers the recorder back on the loop.
    /// </summary>
    private void CreateRecorder(DBusMethodInvocation call) => replies.RunAsync(call, async () =>
    {
        var sources = call.Parameters.GetChild(0).GetStrings().Select(SourceUri.Parse).ToList();
        var options = RecorderOptionsParser.Parse(call.Parameters.GetChild(1).ToVariantDictionary());
        var ownerUid = await registry.Access.UidOf(call.Sender);
        if (authorization is not null)
        {
            var groups = await registry.Access.GroupsOfAsync(call.Sender);
            await authorization.AuthorizeAsync(call.Sender, ownerUid, groups, call.AllowsInteractiveAuthorization);
        }

        await registry.Loop.InvokeAsync(() => registry.RequireRecorderSlot(call.Sender));
        await Task.Run(() => sources.ForEach(source => source.Resolve()));
        return await registry.Loop.InvokeAsync(() =>
        {
            registry.RequireRecorderSlot(call.Sender);
            var recorder = new MediaRecorder(sources, options, context);
            return GVariant.Tuple(GVariant.ObjectPath(registry.Add(recorder, call.Sender, ownerUid).Path));
        });
    });
}
