using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// The screen casts getDisplayMedia started, each with the PipeWire connection the portal opened for it, and their
/// source URIs <c>screen:SESSION/NODE</c>, which record NODE through that connection. Thread-safe.
/// </summary>
public sealed class ScreenSessions
{
    private readonly ConcurrentDictionary<int, SafeFileHandle> _remotes = new();
    private int _lastId;

    /// <summary>Keeps <paramref name="pipeWireRemote"/> for the session's sources; returns the session's number.</summary>
    public int Add(SafeFileHandle pipeWireRemote)
    {
        var id = Interlocked.Increment(ref _lastId);
        _remotes[id] = pipeWireRemote;
        return id;
    }

    public static string UriOf(int session, uint node) => $"screen:{session}/{node}";

    /// <exception cref="ArgumentException">not of the form <c>screen:SESSION/NODE</c></exception>
    /// <exception cref="RecorderException">NotFoundError: the session is not (or no longer) there</exception>
    internal TrackSource Parse(string uri, string rest)
    {
        var parts = rest.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var session) || !parts[1].All(char.IsAsciiDigit) || parts[1].Length == 0)
        {
            throw SourceUri.Malformed(uri, "a screen is screen:SESSION/NODE, as GetDisplayMedia answers");
        }

        return _remotes.TryGetValue(session, out var remote)
            ? new PipeWireRemoteSource(uri, parts[1], remote)
            : throw RecorderException.NotFound($"'{uri}' is from a screen-sharing session that is closed or was never started; call GetDisplayMedia again");
    }
}
