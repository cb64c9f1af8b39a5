namespace RecorderDaemon.Client;

/// <summary>The daemon's names on the bus, as fixed by the D-Bus contract (<c>data/dbus/*.xml</c>).</summary>
public static class RecorderBus
{
    public const string Name = "io.github.recorderd";
    public const string ManagerPath = "/io/github/recorderd";
    public const string ManagerInterface = "io.github.recorderd.Manager1";
    public const string RecorderInterface = "io.github.recorderd.MediaRecorder1";
    public const string ErrorPrefix = "io.github.recorderd.Error.";
    public const string ObjectManagerInterface = "org.freedesktop.DBus.ObjectManager";
    public const string PropertiesInterface = "org.freedesktop.DBus.Properties";
}
