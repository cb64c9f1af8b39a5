namespace RecorderDaemon.Recording;

/// <summary>
/// One source of a recorder's stream, parsed from its URI and resolved (its device or file found, the caller's access
/// checked), as the state machine sees it: a name and the tracks it gives. The pipeline factory that goes with the
/// resolver knows how to record it.
/// </summary>
public interface IStreamSource
{
    /// <summary>The URI exactly as the client gave it; this is how the source is named in <c>Sources</c>.</summary>
    string Uri { get; }

    /// <summary>The tracks this source gives.</summary>
    IReadOnlySet<TrackKind> Kinds { get; }
}
