namespace RecorderDaemon.Hosting;

/// <summary>The daemon's settings (configuration section <c>Recorderd</c>); command-line switches map onto them.</summary>
public sealed class RecorderdOptions
{
    public const string Section = "Recorderd";

    /// <summary>A D-Bus address to connect to instead of the session or system bus (<c>--bus-address</c>).</summary>
    public string? BusAddress { get; set; }

    /// <summary>Serve on the system bus (<c>--system</c>) instead of the session bus.</summary>
    public bool SystemBus { get; set; }

    public int MaxConcurrentRecordings { get; set; } = 16;

    public int MaxRecordersPerClient { get; set; } = 64;

    /// <summary>How long a stopping recording may take to drain before it is torn down with a warning.</summary>
    public double StopTimeoutSeconds { get; set; } = 10;

    /// <summary>Where recordings with video go by default; empty for <c>$XDG_VIDEOS_DIR/recorderd</c>.</summary>
    public string? VideosDirectory { get; set; }

    /// <summary>Where audio-only recordings go by default; empty for <c>$XDG_MUSIC_DIR/recorderd</c>.</summary>
    public string? MusicDirectory { get; set; }
}
