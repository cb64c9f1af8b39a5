namespace RecorderDaemon.Client;

/// <summary>The spec's <c>RecordingState</c>.</summary>
public enum RecordingState
{
    Inactive,
    Recording,
    Paused,
}

/// <summary>The spec's <c>BitrateMode</c>.</summary>
public enum BitrateMode
{
    Constant,
    Variable,
}

/// <summary>How a stream's audio sources become tracks (option <c>audioTracks</c>, the daemon's own).</summary>
public enum AudioTrackLayout
{
    /// <summary>One track, the sources mixed (the default).</summary>
    Mix,

    /// <summary>One track per source, in WebM and Ogg.</summary>
    Separate,
}

/// <summary>
/// The one mapping between the enums and their strings on the bus, which are the JavaScript enum values
/// (<c>inactive</c>, <c>constant</c>, ...) and, for the daemon's own options, their values (<c>mix</c>, <c>separate</c>).
/// </summary>
public static class RecorderEnumNames
{
    public static string ToSpecName(this RecordingState state) => state switch
    {
        RecordingState.Inactive => "inactive",
        RecordingState.Recording => "recording",
        RecordingState.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToSpecName(this BitrateMode mode) => mode switch
    {
        BitrateMode.Constant => "constant",
        BitrateMode.Variable => "variable",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string ToSpecName(this AudioTrackLayout layout) => layout switch
    {
        AudioTrackLayout.Mix => "mix",
        AudioTrackLayout.Separate => "separate",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    internal static RecordingState ParseRecordingState(string name) => name switch
    {
        "inactive" => RecordingState.Inactive,
        "recording" => RecordingState.Recording,
        "paused" => RecordingState.Paused,
        _ => throw new FormatException($"unknown recording state '{name}'"),
    };

    internal static BitrateMode ParseBitrateMode(string name) => name switch
    {
        "constant" => BitrateMode.Constant,
        "variable" => BitrateMode.Variable,
        _ => throw new FormatException($"unknown bitrate mode '{name}'"),
    };
}
