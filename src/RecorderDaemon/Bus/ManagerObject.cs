using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary><c>io.github.recorderd.Manager1</c>: the MediaRecorder constructor, isTypeSupported and device enumeration.</summary>
/// <param name="authorization">who may create recorders on the system bus; null on the session bus, where every caller may</param>
public sealed class ManagerObject(
    RecorderRegistry registry, RecorderContext context, BusReplies replies, string version, RecordAuthorization? authorization)
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
                replies.RunAsync(call, async () => GVariant.Tuple(await Task.Run(() => MediaDevices.Enumerate(registry.Devices))));
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
    /// Checks the arguments on the loop and who the caller is, asks whether it may record (system bus),
    /// resolves the sources off the loop with the caller's rights (devices and files are probed), then
    /// checks the limits, constructs and registers the recorder back on the loop.
    /// </summary>
    private void CreateRecorder(DBusMethodInvocation call) => replies.RunAsync(call, async () =>
    {
        var sources = call.Parameters.GetChild(0).GetStrings().Select(registry.Sources.Parse).ToList();
        var options = RecorderOptionsParser.Parse(call.Parameters.GetChild(1).ToVariantDictionary(), call.TakeFileDescriptor);
        try
        {
            var caller = await registry.Access.IdentityOf(call.Sender);
            if (authorization is not null)
            {
                await authorization.AuthorizeAsync(caller, call.AllowsInteractiveAuthorization);
            }

            SandboxRules.RequireAllowed(caller, sources, options);
            await registry.Loop.InvokeAsync(() => registry.RequireRecorderSlot(caller));
            await Task.Run(() => sources.ForEach(source => registry.Sources.Resolve(source, caller.Files)));
            return await registry.Loop.InvokeAsync(() =>
            {
                registry.RequireRecorderSlot(caller);
                var recorder = new MediaRecorder(sources, options, context, caller);
                return GVariant.Tuple(GVariant.ObjectPath(registry.Add(recorder, caller).Path));
            });
        }
        catch
        {
            options.OutputFd?.Dispose();
            throw;
        }
    });
}
