namespace RecorderDaemon.Media;

public enum TrackKind
{
    Audio,
    Video,
}
