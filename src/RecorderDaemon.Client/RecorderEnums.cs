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

/// <summary>
/// The one mapping between the enums and their strings on the bus, which are the JavaScript enum values
/// (<c>inactive</c>, <c>constant</c>, ...).
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
