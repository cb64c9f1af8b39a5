namespace RecorderDaemon.Recording;

public enum TrackKind
{
    Audio,
    Video,
}
