using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>What getDisplayMedia asks the portal for; the numbers are the ScreenCast portal's.</summary>
/// <param name="Types">source types: 1 monitor, 2 window</param>
/// <param name="CursorMode">1 hidden, 2 embedded, 4 metadata</param>
/// <param name="PersistMode">0 none, 1 while the session runs, 2 until revoked</param>
public sealed record ScreenCastRequest(uint Types, uint CursorMode, bool Multiple, string? RestoreToken, uint PersistMode);

/// <summary>One stream the user picked: its PipeWire node id, size and position.</summary>
public sealed record ScreenStream(uint Node, int Width, int Height, int X, int Y);

/// <summary>A started screen cast: the streams, the connection to PipeWire through which they are seen, and a token to ask for them again.</summary>
public sealed record ScreenCast(string SessionHandle, SafeFileHandle PipeWireRemote, IReadOnlyList<ScreenStream> Streams, string? RestoreToken);

/// <summary>
/// The client side of xdg-desktop-portal's ScreenCast handshake (CreateSession, SelectSources, Start,
/// OpenPipeWireRemote): each step is a Request whose Response signal arrives once the portal (and, at Start,
/// the user) has answered.
/// </summary>
public sealed class ScreenCastPortal(BusConnection connection)
{
    private const string Portal = "org.freedesktop.portal.Desktop";
    private const string PortalPath = "/org/freedesktop/portal/desktop";
    private const string ScreenCastInterface = "org.freedesktop.portal.ScreenCast";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(25);

    // Start shows the user a dialog; nobody may answer it for a while.
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(5);

    private int _lastToken;

    /// <exception cref="RecorderException">NotSupportedError without a portal or its ScreenCast; NotAllowedError when the user (or the portal) refused</exception>
    public async Task<ScreenCast> StartAsync(ScreenCastRequest request)
    {
        var session = SessionHandleOf(await RequestAsync("CreateSession", token => BusBody.Dictionary(
            [KeyValuePair.Create("handle_token", (VariantValue)token), KeyValuePair.Create("session_handle_token", (VariantValue)token)])));
        try
        {
            await RequestAsync("SelectSources", token => SessionCall(session, null, SelectOptions(token, request)));
            var started = await RequestAsync("Start", token => SessionCall(session, "", [KeyValuePair.Create("handle_token", (VariantValue)token)]));
            var remote = await connection.CallAsync(Portal, PortalPath, ScreenCastInterface, "OpenPipeWireRemote", SessionCall(session, null, []),
                static (message, _) => message.GetBodyReader().ReadHandle<SafeFileHandle>(), CallTimeout);
            return new ScreenCast(session, remote, StreamsOf(started), started.TryGetValue("restore_token", out var token) ? token.GetString() : null);
        }
        catch
        {
            await CloseAsync(session);
            throw;
        }
    }

    /// <summary>Ends the portal's session; a portal that is gone has ended it already.</summary>
    public async Task CloseAsync(string sessionHandle)
    {
        try
        {
            await connection.CallAsync(Portal, sessionHandle, "org.freedesktop.portal.Session", "Close", null, static (_, _) => true, CallTimeout);
        }
        catch (Exception failure) when (failure is DBusExceptionBase or TimeoutException)
        {
        }
    }

    private static List<KeyValuePair<string, VariantValue>> SelectOptions(string token, ScreenCastRequest request)
    {
        List<KeyValuePair<string, VariantValue>> options =
        [
            KeyValuePair.Create("handle_token", (VariantValue)token),
            KeyValuePair.Create("types", (VariantValue)request.Types),
            KeyValuePair.Create("cursor_mode", (VariantValue)request.CursorMode),
            KeyValuePair.Create("multiple", (VariantValue)request.Multiple),
            KeyValuePair.Create("persist_mode", (VariantValue)request.PersistMode),
        ];
        if (request.RestoreToken is { } restore)
        {
            options.Add(KeyValuePair.Create("restore_token", (VariantValue)restore));
        }

        return options;
    }

    /// <summary>A ScreenCast call on <paramref name="session"/>: <c>(o a{sv})</c>, or <c>(o s a{sv})</c> with a parent window.</summary>
    private static BusBody SessionCall(string session, string? parentWindow, IReadOnlyList<KeyValuePair<string, VariantValue>> options) =>
        new(parentWindow is null ? "oa{sv}" : "osa{sv}", (ref MessageWriter writer) =>
        {
            writer.WriteObjectPath(session);
            if (parentWindow is not null)
            {
                writer.WriteString(parentWindow);
            }

            writer.WriteDictionary(options);
        });

    /// <summary>
    /// Makes a request and waits for its Response. The Response is watched before the call, on the path the request will
    /// have (from this connection's name and the handle token), so that it cannot come first.
    /// </summary>
    private async Task<Dictionary<string, VariantValue>> RequestAsync(string method, Func<string, BusBody> arguments)
    {
        var token = $"recorderd{Interlocked.Increment(ref _lastToken)}";
        var path = $"{PortalPath}/request/{connection.UniqueName.TrimStart(':').Replace('.', '_')}/{token}";
        var response = new TaskCompletionSource<PortalResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await connection.WatchAsync(
            new MatchRule { Type = MessageType.Signal, Sender = Portal, Path = path, Interface = "org.freedesktop.portal.Request", Member = "Response" },
            static (message, _) =>
            {
                var reader = message.GetBodyReader();
                return new PortalResponse(reader.ReadUInt32(), reader.ReadDictionaryOfStringToVariantValue());
            },
            answer => response.TrySetResult(answer));
        try
        {
            await connection.CallAsync(Portal, PortalPath, ScreenCastInterface, method, arguments(token), static (message, _) => message.GetBodyReader().ReadObjectPathAsString(), CallTimeout);
        }
        catch (DBusErrorReplyException error) when (error.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            throw RecorderException.NotSupported($"no xdg-desktop-portal ({Portal}) on the session bus: {error.ErrorMessage}");
        }
        catch (DBusErrorReplyException error) when (error.ErrorName is "org.freedesktop.DBus.Error.UnknownMethod" or "org.freedesktop.DBus.Error.UnknownInterface")
        {
            throw RecorderException.NotSupported($"xdg-desktop-portal has no ScreenCast here (no backend for this desktop): {error.ErrorMessage}");
        }

        var (code, results) = await response.Task.WaitAsync(ResponseTimeout);
        return code switch
        {
            0 => results,
            1 => throw new RecorderException(DomErrorName.NotAllowedError, "the user cancelled sharing the screen"),
            _ => throw new RecorderException(DomErrorName.NotAllowedError, $"the screen-cast portal ended {method} without sharing anything"),
        };
    }

    private static string SessionHandleOf(Dictionary<string, VariantValue> results) => results["session_handle"] switch
    {
        { Type: VariantValueType.ObjectPath } path => path.GetObjectPathAsString(),
        var text => text.GetString(),
    };

    private static List<ScreenStream> StreamsOf(Dictionary<string, VariantValue> started)
    {
        if (!started.TryGetValue("streams", out var streams))
        {
            return [];
        }

        return [.. Enumerable.Range(0, streams.Count).Select(i =>
        {
            var stream = streams.GetItem(i);
            var properties = stream.GetItem(1).GetDictionary<string, VariantValue>();
            var (width, height) = Pair(properties, "size");
            var (x, y) = Pair(properties, "position");
            return new ScreenStream(stream.GetItem(0).GetUInt32(), width, height, x, y);
        })];
    }

    private static (int, int) Pair(Dictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var pair) ? (pair.GetItem(0).GetInt32(), pair.GetItem(1).GetInt32()) : (0, 0);

    private sealed record PortalResponse(uint Code, Dictionary<string, VariantValue> Results);
}
