using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>Writes the values of a message body in order.</summary>
public delegate void BodyWriter(ref MessageWriter writer);

/// <summary>The body of a reply or signal: its D-Bus signature and how to write it. The contract's bodies are made here.</summary>
public sealed record BusBody(string Signature, BodyWriter Write)
{
    public static BusBody Boolean(bool value) => new("b", (ref MessageWriter writer) => writer.WriteBool(value));

    public static BusBody String(string value) => new("s", (ref MessageWriter writer) => writer.WriteString(value));

    public static BusBody ObjectPath(string path) => new("o", (ref MessageWriter writer) => writer.WriteObjectPath(path));

    public static BusBody Variant(VariantValue value) => new("v", (ref MessageWriter writer) => writer.WriteVariant(value));

    /// <summary>An <c>a{sv}</c>.</summary>
    public static BusBody Dictionary(IReadOnlyList<KeyValuePair<string, VariantValue>> entries) =>
        new("a{sv}", (ref MessageWriter writer) => writer.WriteDictionary(entries));

    /// <summary>EnumerateDevices' <c>aa{sv}</c>: each device's string fields.</summary>
    public static BusBody EncodingAnswer(Media.EncodingAnswer answer) => Dictionary(
    [
        KeyValuePair.Create("supported", VariantValue.Bool(answer.Supported)),
        KeyValuePair.Create("smooth", VariantValue.Bool(answer.Smooth)),
        KeyValuePair.Create("powerEfficient", VariantValue.Bool(answer.PowerEfficient)),
    ]);

    public static BusBody Devices(IReadOnlyList<IReadOnlyDictionary<string, string>> devices) => new("aa{sv}", (ref MessageWriter writer) =>
    {
        var array = writer.WriteArrayStart(DBusType.Array);
        foreach (var device in devices)
        {
            writer.WriteDictionary(device.Select(field => KeyValuePair.Create(field.Key, (VariantValue)field.Value)));
        }

        writer.WriteArrayEnd(array);
    });

    public static BusBody DataAvailable(DataChunk chunk) => new("ttd", (ref MessageWriter writer) =>
    {
        writer.WriteUInt64((ulong)chunk.Offset);
        writer.WriteUInt64((ulong)chunk.Size);
        writer.WriteDouble(chunk.TimecodeMs);
    });

    public static BusBody AudioLevels(Recording.AudioLevels levels) => new("adad", (ref MessageWriter writer) =>
    {
        writer.WriteArray(levels.PeakDecibels.ToArray());
        writer.WriteArray(levels.RmsDecibels.ToArray());
    });

    /// <summary>org.freedesktop.Notifications.Notify: app name, replaces id, icon, summary, body, actions, hints, timeout (-1: the server's).</summary>
    public static BusBody Notification(string application, string summary, string body, string[] actions) => new("susssasa{sv}i", (ref MessageWriter writer) =>
    {
        writer.WriteString(application);
        writer.WriteUInt32(0);
        writer.WriteString("media-record");
        writer.WriteString(summary);
        writer.WriteString(body);
        writer.WriteArray(actions);
        writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
        writer.WriteInt32(-1);
    });

    /// <summary>org.freedesktop.portal.OpenURI.OpenURI: parent window (none), URI, options (none).</summary>
    public static BusBody OpenUri(string uri) => new("ssa{sv}", (ref MessageWriter writer) =>
    {
        writer.WriteString("");
        writer.WriteString(uri);
        writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
    });

    /// <summary>org.freedesktop.FileManager1.ShowItems: the URIs, a startup id (none).</summary>
    public static BusBody ShowItems(string uri) => new("ass", (ref MessageWriter writer) =>
    {
        writer.WriteArray(new[] { uri });
        writer.WriteString("");
    });

    public static BusBody ReplaySaved(string path, TimeSpan duration) => new("st", (ref MessageWriter writer) =>
    {
        writer.WriteString(path);
        writer.WriteUInt64((ulong)(duration.Ticks / TimeSpan.TicksPerMicrosecond));
    });

    public static BusBody Error(string name, string message) => new("ss", (ref MessageWriter writer) =>
    {
        writer.WriteString(name);
        writer.WriteString(message);
    });

    /// <summary>PropertiesChanged for one property of <paramref name="iface"/>.</summary>
    public static BusBody PropertiesChanged(string iface, string name, VariantValue value) => new("sa{sv}as", (ref MessageWriter writer) =>
    {
        writer.WriteString(iface);
        writer.WriteDictionary([KeyValuePair.Create(name, value)]);
        writer.WriteArray(Array.Empty<string>());
    });

    public static BusBody InterfacesAdded(RecorderObject recorder) => new("oa{sa{sv}}", (ref MessageWriter writer) =>
    {
        writer.WriteObjectPath(recorder.Path);
        WriteInterfaces(ref writer, recorder);
    });

    public static BusBody InterfacesRemoved(string path, string iface) => new("oas", (ref MessageWriter writer) =>
    {
        writer.WriteObjectPath(path);
        writer.WriteArray(new[] { iface });
    });

    /// <summary>GetManagedObjects' <c>a{oa{sa{sv}}}</c>.</summary>
    public static BusBody ManagedObjects(IEnumerable<RecorderObject> recorders) => new("a{oa{sa{sv}}}", (ref MessageWriter writer) =>
    {
        var objects = writer.WriteDictionaryStart();
        foreach (var recorder in recorders)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteObjectPath(recorder.Path);
            WriteInterfaces(ref writer, recorder);
        }

        writer.WriteDictionaryEnd(objects);
    });

    /// <summary>A recorder's one interface with all its properties, as <c>a{sa{sv}}</c>.</summary>
    private static void WriteInterfaces(ref MessageWriter writer, RecorderObject recorder)
    {
        var interfaces = writer.WriteDictionaryStart();
        writer.WriteDictionaryEntryStart();
        writer.WriteString(recorder.Description.Name);
        writer.WriteDictionary(recorder.AllProperties());
        writer.WriteDictionaryEnd(interfaces);
    }
}
