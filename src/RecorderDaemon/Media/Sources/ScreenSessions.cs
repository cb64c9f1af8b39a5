using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// The screen casts getDisplayMedia started, each with the PipeWire connection the portal opened for it, and their
/// source URIs <c>screen:SESSION/NODE</c>, which record NODE through that connection. Thread-safe.
/// </summary>
public sealed class ScreenSessions
{
    private readonly ConcurrentDictionary<int, ScreenSession> _sessions = new();
    private int _lastId;

    public IEnumerable<ScreenSession> All => _sessions.Values;

    /// <summary>Keeps a started cast for its sources.</summary>
    /// <param name="handle">the portal's session object, to close it by</param>
    public ScreenSession Add(SafeFileHandle pipeWireRemote, string handle)
    {
        var session = new ScreenSession(Interlocked.Increment(ref _lastId), handle, pipeWireRemote);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>Forgets a session and closes its PipeWire connection: its URIs name nothing from now on.</summary>
    public void Remove(ScreenSession session)
    {
        if (_sessions.TryRemove(session.Id, out _))
        {
            session.PipeWireRemote.Dispose();
        }
    }

    /// <exception cref="ArgumentException">not of the form <c>screen:SESSION/NODE</c></exception>
    /// <exception cref="RecorderException">NotFoundError: the session is not (or no longer) there</exception>
    internal TrackSource Parse(string uri, string rest)
    {
        var parts = rest.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var id) || !parts[1].All(char.IsAsciiDigit) || parts[1].Length == 0)
        {
            throw SourceUri.Malformed(uri, "a screen is screen:SESSION/NODE, as GetDisplayMedia answers");
        }

        return _sessions.TryGetValue(id, out var session)
            ? new PipeWireRemoteSource(uri, parts[1], session.PipeWireRemote)
            : throw RecorderException.NotFound($"'{uri}' is from a screen-sharing session that is closed or was never started; call GetDisplayMedia again");
    }
}

/// <summary>One started screen cast: its number in <c>screen:</c> URIs, the portal's session object and the PipeWire connection.</summary>
public sealed record ScreenSession(int Id, string Handle, SafeFileHandle PipeWireRemote)
{
    /// <summary>The prefix of this session's source URIs.</summary>
    public string UriPrefix => $"screen:{Id}/";

    /// <summary>The source URI of one of its streams.</summary>
    public string UriOf(uint node) => UriPrefix + node;

    /// <summary>When a recorder last used it (or it started); for the grace period before it is closed.</summary>
    public DateTime LastUsed { get; set; } = DateTime.UtcNow;
}
