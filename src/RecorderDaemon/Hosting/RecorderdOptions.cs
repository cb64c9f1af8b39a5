namespace RecorderDaemon.Hosting;

/// <summary>
/// The daemon's settings (configuration section <c>Recorderd</c>); command-line switches map onto them.
/// Sources and their precedence are in <see cref="ConfigurationSources"/>; <see cref="RecorderdOptionsLoader"/>
/// binds and validates them before anything starts.
/// </summary>
public sealed class RecorderdOptions
{
    public const string Section = "Recorderd";

    /// <summary>A D-Bus address to connect to instead of the session or system bus (<c>--bus-address</c>).</summary>
    public string? BusAddress { get; set; }

    /// <summary>Serve on the system bus (<c>--system</c>) instead of the session bus.</summary>
    public bool SystemBus { get; set; }

    /// <summary>Started on demand by D-Bus or systemd (<c>--activated</c>): enables the idle exit.</summary>
    public bool Activated { get; set; }

    /// <summary>On the system bus without a polkit authority: the group whose members, besides root, may record.</summary>
    public string RecordGroup { get; set; } = "recorderd";

    public int MaxConcurrentRecordings { get; set; } = 16;

    public int MaxRecordersPerClient { get; set; } = 64;

    /// <summary>On the system bus: how many recordings one user's connections may run at once, together.</summary>
    public int MaxConcurrentRecordingsPerUser { get; set; } = 4;

    /// <summary>How long a stopping recording may take to drain before it is torn down with a warning.</summary>
    public double StopTimeoutSeconds { get; set; } = 10;

    /// <summary>How long shutdown (SIGTERM) may take to finalize every recording; the host's shutdown timeout.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 20;

    /// <summary>With <see cref="Activated"/>: exit after this long without any recorder object; 0 never exits.</summary>
    public double IdleExitSeconds { get; set; } = 60;

    /// <summary>How long a screen-sharing session (GetDisplayMedia) stays open without a recorder using it.</summary>
    public double ScreenShareGraceSeconds { get; set; } = 60;

    /// <summary>
    /// Per video codec (<c>vp8</c>, <c>avc1</c>, ...), the encoders to try before its software one, best first, replacing
    /// recorderd's ranking of hardware encoders; e.g. <c>Recorderd:VideoEncoders:avc1:0=vaapih264enc</c>. An empty list
    /// tries the software encoder only.
    /// </summary>
    public Dictionary<string, string[]> VideoEncoders { get; set; } = [];

    /// <summary>
    /// The free space recordings leave on their file system: none starts below it, and one that crosses it is ended and
    /// finalized. Unset: 1% of the file system, at most 256 MiB. 0 turns the check off.
    /// </summary>
    public long? MinimumFreeSpaceBytes { get; set; }

    /// <summary>
    /// Whether the end of each recording is notified on the desktop (org.freedesktop.Notifications); only on the session bus,
    /// the system bus having no desktop. A recorder's option <c>notify</c> turns it off for that recorder.
    /// </summary>
    public bool Notifications { get; set; } = true;

    /// <summary>Whether a recording indicator (a StatusNotifierItem) is in the desktop's panel while recordings run; only on the session bus.</summary>
    public bool Indicator { get; set; } = true;

    /// <summary>Named presets of recorders, by name: sources and options, for CreateRecorder's option <c>profile</c>.</summary>
    public Dictionary<string, RecorderProfile> Profiles { get; set; } = [];

    /// <summary>Where recordings with video go by default; empty for <c>$XDG_VIDEOS_DIR/recorderd</c>.</summary>
    public string? VideosDirectory { get; set; }

    /// <summary>Where audio-only recordings go by default; empty for <c>$XDG_MUSIC_DIR/recorderd</c>.</summary>
    public string? MusicDirectory { get; set; }
}
