namespace RecorderDaemon.Recording;

/// <summary>The spec's RecordingState; <see cref="RecordingStates.Name"/> gives the wire spelling.</summary>
public enum RecordingState
{
    Inactive,
    Recording,
    Paused,
}

public static class RecordingStates
{
    public static string Name(this RecordingState state) => state switch
    {
        RecordingState.Inactive => "inactive",
        RecordingState.Recording => "recording",
        _ => "paused",
    };
}
