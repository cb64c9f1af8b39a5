namespace RecorderDaemon.Recording;

/// <summary>How a stream's audio sources become tracks (option <c>audioTracks</c>).</summary>
public enum AudioTrackLayout
{
    /// <summary>One track, the sources mixed (<c>mix</c>, the default).</summary>
    Mix,

    /// <summary>One track per source (<c>separate</c>), where the container holds several.</summary>
    Separate,
}
