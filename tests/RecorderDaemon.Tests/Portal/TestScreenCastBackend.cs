using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Portal;

/// <summary>
/// The desktop's side of xdg-desktop-portal's ScreenCast (<c>org.freedesktop.impl.portal.ScreenCast</c>), for a test
/// connection that owns <see cref="Name"/>: the real portal frontend asks it, and it "picks" <see cref="Screen"/> without a
/// dialog, or cancels when <see cref="Cancels"/>. Runs on the connection's receive loop: answers at once, throws nothing.
/// </summary>
public sealed class TestScreenCastBackend : IPathMethodHandler
{
    public const string Name = "org.freedesktop.impl.portal.RecorderdTest";

    /// <summary>What the backend calls its restore data: what it would need to pick the same screen again.</summary>
    public const string RestoreDataKey = "recorderd-test-screen";
    private const string Interface = "org.freedesktop.impl.portal.ScreenCast";

    /// <summary>The node the user picks, with its size.</summary>
    public (uint Node, int Width, int Height) Screen { get; set; }

    public bool Cancels { get; set; }

    /// <summary>The options of the last SelectSources, as the frontend passed them on.</summary>
    public IReadOnlyDictionary<string, VariantValue> Selected { get; private set; } = new Dictionary<string, VariantValue>();

    public string Path => "/org/freedesktop/portal/desktop";

    public bool HandlesChildPaths => false;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        switch (request.InterfaceAsString, request.MemberAsString)
        {
            case (Interface, "CreateSession"):
                Respond(context, 0, []);
                break;
            case (Interface, "SelectSources"):
                var reader = request.GetBodyReader();
                (_, _, _) = (reader.ReadObjectPathAsString(), reader.ReadObjectPathAsString(), reader.ReadString());
                Selected = reader.ReadDictionaryOfStringToVariantValue();
                Respond(context, 0, []);
                break;
            case (Interface, "Start"):
                if (Cancels)
                {
                    Respond(context, 1, []);
                }
                else
                {
                    RespondWithStream(context);
                }

                break;
            case ("org.freedesktop.DBus.Properties", "GetAll"):
                using (var writer = context.CreateReplyWriter("a{sv}"))
                {
                    writer.WriteDictionary(Properties);
                    context.Reply(writer.CreateMessage());
                }

                break;
            case ("org.freedesktop.DBus.Properties", "Get"):
                var name = ReadPropertyName(request);
                using (var writer = context.CreateReplyWriter("v"))
                {
                    writer.WriteVariant(Properties.First(property => property.Key == name).Value);
                    context.Reply(writer.CreateMessage());
                }

                break;
            default:
                context.ReplyUnknownMethodError();
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>What this desktop offers: monitors and windows; hidden, embedded and metadata cursors.</summary>
    private static KeyValuePair<string, VariantValue>[] Properties =>
    [
        KeyValuePair.Create("AvailableSourceTypes", (VariantValue)3u),
        KeyValuePair.Create("AvailableCursorModes", (VariantValue)7u),
        KeyValuePair.Create("version", (VariantValue)4u),
    ];

    private static string ReadPropertyName(Message request)
    {
        var reader = request.GetBodyReader();
        reader.ReadString();
        return reader.ReadString();
    }

    private static void Respond(MethodContext context, uint response, KeyValuePair<string, VariantValue>[] results)
    {
        using var writer = context.CreateReplyWriter("ua{sv}");
        writer.WriteUInt32(response);
        writer.WriteDictionary(results);
        context.Reply(writer.CreateMessage());
    }

    /// <summary>Start's results: <c>streams</c> <c>a(ua{sv})</c> with the one picked screen.</summary>
    private void RespondWithStream(MethodContext context)
    {
        using var writer = context.CreateReplyWriter("ua{sv}");
        writer.WriteUInt32(0);
        var results = writer.WriteDictionaryStart();
        writer.WriteDictionaryEntryStart();
        writer.WriteString("streams");
        writer.WriteSignature("a(ua{sv})");
        var streams = writer.WriteArrayStart(DBusType.Struct);
        writer.WriteStructureStart();
        writer.WriteUInt32(Screen.Node);
        writer.WriteDictionary(
        [
            KeyValuePair.Create("size", VariantValue.Struct(Screen.Width, Screen.Height)),
            KeyValuePair.Create("position", VariantValue.Struct(0, 0)),
            KeyValuePair.Create("source_type", (VariantValue)1u),
        ]);
        writer.WriteArrayEnd(streams);
        if (Selected.TryGetValue("persist_mode", out var persist) && persist.GetUInt32() != 0)
        {
            // Only when asked to persist: the frontend then keeps this and hands it back for the restore token it gives out.
            writer.WriteDictionaryEntryStart();
            writer.WriteString("persist_mode");
            writer.WriteVariantUInt32(persist.GetUInt32());
            writer.WriteDictionaryEntryStart();
            writer.WriteString("restore_data");
            writer.WriteSignature("(suv)");
            writer.WriteStructureStart();
            writer.WriteString(RestoreDataKey);
            writer.WriteUInt32(1);
            writer.WriteVariant(Screen.Node);
        }

        writer.WriteDictionaryEnd(results);
        context.Reply(writer.CreateMessage());
    }
}
