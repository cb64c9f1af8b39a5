using Microsoft.Extensions.Logging;
using RecorderDaemon.Media.Sources;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Manager1.GetDisplayMedia, <c>navigator.mediaDevices.getDisplayMedia()</c> for the bus: its options become a
/// ScreenCast portal request, and each stream the user picked a <c>screen:</c> source URI recorded through the
/// PipeWire connection the portal opened. A session stays open while a recorder records from it and for
/// <paramref name="grace"/> after; then the portal's session and the connection are closed.
/// </summary>
/// <param name="isRecordedFrom">whether a recorder has a source whose URI starts with the given prefix</param>
public sealed class DisplayMedia(ScreenCastPortal portal, ScreenSessions sessions, Func<string, Task<bool>> isRecordedFrom, TimeSpan grace, ILogger<DisplayMedia> logger)
    : IDisposable
{
    private static readonly IReadOnlyDictionary<string, uint> SourceTypes = new Dictionary<string, uint> { ["monitor"] = 1, ["window"] = 2 };
    private static readonly IReadOnlyDictionary<string, uint> CursorModes = new Dictionary<string, uint> { ["hidden"] = 1, ["embedded"] = 2, ["metadata"] = 4 };
    private static readonly IReadOnlyDictionary<string, uint> PersistModes = new Dictionary<string, uint> { ["none"] = 0, ["session"] = 1, ["permanent"] = 2 };

    private Timer? _expiry;
    private int _expiring;

    /// <summary>Starts closing sessions that are no longer used.</summary>
    public void Start()
    {
        var interval = TimeSpan.FromSeconds(Math.Min(5, grace.TotalSeconds / 2));
        _expiry = new Timer(_ => _ = ExpireAsync(), null, interval, interval);
    }

    public void Dispose() => _expiry?.Dispose();

    /// <summary>Asks the user through the portal; the reply body <c>(as sources, a{sv} info)</c>.</summary>
    /// <exception cref="ArgumentException">an unknown option, or a value of the wrong type or outside its choices</exception>
    /// <exception cref="RecorderException">NotSupportedError without a portal; NotAllowedError when the user did not share</exception>
    public async Task<BusBody> GetAsync(IReadOnlyDictionary<string, VariantValue> options)
    {
        var cast = await portal.StartAsync(Parse(options));
        var session = sessions.Add(cast.PipeWireRemote, cast.SessionHandle);
        logger.LogInformation("Screen-sharing session {Session} started with {Count} streams", session.Id, cast.Streams.Count);
        var sources = cast.Streams.Select(stream => session.UriOf(stream.Node)).ToArray();
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

    private async Task ExpireAsync()
    {
        if (Interlocked.Exchange(ref _expiring, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var session in sessions.All)
            {
                if (await isRecordedFrom(session.UriPrefix))
                {
                    session.LastUsed = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - session.LastUsed >= grace)
                {
                    sessions.Remove(session);
                    await portal.CloseAsync(session.Handle);
                    logger.LogInformation("Screen-sharing session {Session} closed: no recorder used it for {GraceSeconds} s", session.Id, grace.TotalSeconds);
                }
            }
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Could not check the screen-sharing sessions");
        }
        finally
        {
            Volatile.Write(ref _expiring, 0);
        }
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
