namespace RecorderDaemon.Bus;

/// <summary>The fixed names of the D-Bus contract.</summary>
public static class BusNames
{
    public const string Service = "io.github.recorderd";
    public const string ManagerPath = "/io/github/recorderd";
    public const string RecorderPathPrefix = "/io/github/recorderd/recorder/";
    public const string Manager = "io.github.recorderd.Manager1";
    public const string Recorder = "io.github.recorderd.MediaRecorder1";
    public const string ObjectManager = "org.freedesktop.DBus.ObjectManager";
    public const string Properties = "org.freedesktop.DBus.Properties";
    public const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";
    public const string Failed = "org.freedesktop.DBus.Error.Failed";

    /// <summary>The D-Bus error of a DOMException: <c>io.github.recorderd.Error.&lt;Name&gt;</c>.</summary>
    public static string ErrorOf(DomErrorName name) => "io.github.recorderd.Error." + name.Spelled();
}
