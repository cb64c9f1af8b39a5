using RecorderDaemon.Access;
using RecorderDaemon.Media;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary><c>io.github.recorderd.Manager1</c>: the MediaRecorder constructor (with the configured profiles), isTypeSupported, encodingInfo and device enumeration.</summary>
/// <param name="authorization">who may create recorders on the system bus; null on the session bus, where every caller may</param>
/// <param name="displayMedia">screen sharing through the portal; null on the system bus, which has no portal</param>
public sealed class ManagerObject(
    RecorderRegistry registry, BusReplies replies, string version, RecordAuthorization? authorization, DisplayMedia? displayMedia, EncodingCapabilities encodingCapabilities,
    RecorderProfiles profiles)
    : IBusInterface
{
    public InterfaceDescription Description => BusInterfaces.Manager;

    public void HandleMethodCall(BusCall call)
    {
        switch (call.Member)
        {
            case "CreateRecorder":
                CreateRecorder(call);
                break;
            case "IsTypeSupported":
                var mimeType = call.Arguments().ReadString();
                replies.Run(call, () => BusBody.Boolean(TypeSupport.IsTypeSupported(mimeType)));
                break;
            case "EncodingInfo":
                var arguments = call.Arguments();
                var type = arguments.ReadString();
                var config = arguments.ReadDictionaryOfStringToVariantValue();
                replies.RunAsync(call, async () => BusBody.EncodingAnswer(await encodingCapabilities.QueryAsync(type, EncodingConfigurationParser.Parse(config))));
                break;
            case "GetDisplayMedia":
                var options = call.Arguments().ReadDictionaryOfStringToVariantValue();
                replies.RunAsync(call, async () => displayMedia is null
                    ? throw RecorderException.NotSupported("GetDisplayMedia is for the session bus: there is no screen-cast portal on the system bus")
                    : await displayMedia.GetAsync(options));
                break;
            case "EnumerateDevices":
                replies.RunAsync(call, async () => BusBody.Devices(await BlockingWork.Run(() => MediaDevices.Enumerate(registry.Devices))));
                break;
        }
    }

    public VariantValue GetProperty(string name) => name switch
    {
        "SupportedMimeTypes" => VariantValue.Array(RecordingFormats.SupportedMimeTypes.ToArray()),
        "Version" => version,
        "Profiles" => VariantValue.Array(profiles.Names.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>
    /// Checks the arguments on the loop and who the caller is, asks whether it may record (system bus),
    /// resolves the sources off the loop with the caller's rights (devices and files are probed), then
    /// checks the limits, constructs and registers the recorder back on the loop.
    /// </summary>
    private void CreateRecorder(BusCall call)
    {
        var arguments = call.Arguments();
        var requestedUris = arguments.ReadArrayOfString();
        var requestedOptions = arguments.ReadDictionaryOfStringToVariantValue();
        replies.RunAsync(call, async () =>
        {
            var (uris, optionValues) = profiles.Apply(requestedUris, requestedOptions);
            var options = RecorderOptionsParser.Parse(optionValues);
            try
            {
                var sources = uris.Select(uri => registry.Recorders.Parse(uri, options)).ToList();
                var caller = await registry.Access.IdentityOf(call.Sender);
                if (authorization is not null)
                {
                    await authorization.AuthorizeAsync(caller, call.AllowsInteractiveAuthorization);
                }

                SandboxRules.RequireAllowed(caller, sources, options);
                var recorder = await registry.Recorders.CreateAsync(sources, options, caller);
                return await registry.Loop.InvokeAsync(() => BusBody.ObjectPath(registry.Add(recorder, caller).Path));
            }
            catch
            {
                options.OutputFd?.Dispose();
                options.PipeWireRemote?.Dispose();
                throw;
            }
        });
    }
}
