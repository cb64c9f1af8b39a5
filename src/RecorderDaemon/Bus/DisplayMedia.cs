using RecorderDaemon.Media.Sources;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Manager1.GetDisplayMedia, <c>navigator.mediaDevices.getDisplayMedia()</c> for the bus: its options become a
/// ScreenCast portal request, and each stream the user picked a <c>screen:</c> source URI recorded through the
/// PipeWire connection the portal opened.
/// </summary>
public sealed class DisplayMedia(ScreenCastPortal portal, ScreenSessions sessions)
{
    private static readonly IReadOnlyDictionary<string, uint> SourceTypes = new Dictionary<string, uint> { ["monitor"] = 1, ["window"] = 2 };
    private static readonly IReadOnlyDictionary<string, uint> CursorModes = new Dictionary<string, uint> { ["hidden"] = 1, ["embedded"] = 2, ["metadata"] = 4 };
    private static readonly IReadOnlyDictionary<string, uint> PersistModes = new Dictionary<string, uint> { ["none"] = 0, ["session"] = 1, ["permanent"] = 2 };

    /// <summary>Asks the user through the portal; the reply body <c>(as sources, a{sv} info)</c>.</summary>
    /// <exception cref="ArgumentException">an unknown option, or a value of the wrong type or outside its choices</exception>
    /// <exception cref="RecorderException">NotSupportedError without a portal; NotAllowedError when the user did not share</exception>
    public async Task<BusBody> GetAsync(IReadOnlyDictionary<string, VariantValue> options)
    {
        var cast = await portal.StartAsync(Parse(options));
        var session = sessions.Add(cast.PipeWireRemote);
        var sources = cast.Streams.Select(stream => ScreenSessions.UriOf(session, stream.Node)).ToArray();
        var streams = new Array<Dict<string, VariantValue>>(cast.Streams.Select((stream, i) => new Dict<string, VariantValue>
        {
            ["source"] = sources[i], ["width"] = stream.Width, ["height"] = stream.Height, ["x"] = stream.X, ["y"] = stream.Y,
        }));
        List<KeyValuePair<string, VariantValue>> info = [KeyValuePair.Create("streams", (VariantValue)streams)];
        if (cast.RestoreToken is { } token)
        {
            info.Add(KeyValuePair.Create("restoreToken", (VariantValue)token));
        }

        return new BusBody("asa{sv}", (ref MessageWriter writer) =>
        {
            writer.WriteArray(sources);
            writer.WriteDictionary(info);
        });
    }

    private static ScreenCastRequest Parse(IReadOnlyDictionary<string, VariantValue> options)
    {
        var request = new ScreenCastRequest(Types: SourceTypes["monitor"], CursorMode: CursorModes["embedded"], Multiple: false, RestoreToken: null, PersistMode: 0);
        foreach (var (key, value) in options)
        {
            request = key switch
            {
                "types" => request with { Types = OptionValue.Read(key, value, VariantValueType.Array).GetArray<string>().Aggregate(0u, (types, name) => types | Choice(key, SourceTypes, name)) },
                "cursor" => request with { CursorMode = Choice(key, CursorModes, OptionValue.Read(key, value, VariantValueType.String).GetString()) },
                "multiple" => request with { Multiple = OptionValue.Read(key, value, VariantValueType.Bool).GetBool() },
                "restoreToken" => request with { RestoreToken = OptionValue.Read(key, value, VariantValueType.String).GetString() },
                "persist" => request with { PersistMode = Choice(key, PersistModes, OptionValue.Read(key, value, VariantValueType.String).GetString()) },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        return request.Types == 0 ? throw new ArgumentException("option 'types' must name monitor, window or both") : request;
    }

    private static uint Choice(string key, IReadOnlyDictionary<string, uint> choices, string name) =>
        choices.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"option '{key}' must be one of {string.Join(", ", choices.Keys)}, not '{name}'");
}
