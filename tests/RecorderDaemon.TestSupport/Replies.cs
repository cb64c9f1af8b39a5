using Tmds.DBus.Protocol;

namespace RecorderDaemon.TestSupport;

/// <summary>Readers of reply (and signal) bodies for <see cref="BusClient.CallAsync{T}"/>, by the body's signature.</summary>
public static class Replies
{
    /// <summary><c>o</c></summary>
    public static readonly MessageValueReader<string> ObjectPath = static (message, _) => message.GetBodyReader().ReadObjectPathAsString();

    /// <summary><c>b</c></summary>
    public static readonly MessageValueReader<bool> Bool = static (message, _) => message.GetBodyReader().ReadBool();

    /// <summary><c>s</c></summary>
    public static readonly MessageValueReader<string> String = static (message, _) => message.GetBodyReader().ReadString();

    /// <summary><c>v</c>, e.g. <c>Properties.Get</c>'s: the value inside.</summary>
    public static readonly MessageValueReader<VariantValue> Variant = static (message, _) => message.GetBodyReader().ReadVariantValue();

    /// <summary><c>a{sv}</c></summary>
    public static readonly MessageValueReader<Dictionary<string, VariantValue>> Dictionary = static (message, _) =>
        message.GetBodyReader().ReadDictionaryOfStringToVariantValue();

    /// <summary><c>aa{sv}</c></summary>
    public static readonly MessageValueReader<List<Dictionary<string, VariantValue>>> Dictionaries = static (message, _) =>
    {
        var reader = message.GetBodyReader();
        var dictionaries = new List<Dictionary<string, VariantValue>>();
        var end = reader.ReadArrayStart(DBusType.Array);
        while (reader.HasNext(end))
        {
            dictionaries.Add(reader.ReadDictionaryOfStringToVariantValue());
        }

        return dictionaries;
    };

    /// <summary><c>a{oa{sa{sv}}}</c>, <c>GetManagedObjects</c>'s: the objects by path, with their interfaces and properties.</summary>
    public static readonly MessageValueReader<Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>>> ManagedObjects =
        static (message, _) =>
        {
            var reader = message.GetBodyReader();
            var objects = new Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>>();
            var end = reader.ReadDictionaryStart();
            while (reader.HasNext(end))
            {
                var path = reader.ReadObjectPathAsString();
                objects.Add(path, ReadInterfaces(ref reader));
            }

            return objects;
        };

    /// <summary><paramref name="read"/>'s value together with the body's signature, e.g. <c>aa{sv}</c>.</summary>
    public static MessageValueReader<(string Signature, T Value)> WithSignature<T>(MessageValueReader<T> read) =>
        (message, state) => (message.SignatureAsString, read(message, state));

    /// <summary>Reads an <c>a{sa{sv}}</c>: interfaces and their properties, as <c>GetManagedObjects</c> and <c>InterfacesAdded</c> have them.</summary>
    public static Dictionary<string, Dictionary<string, VariantValue>> ReadInterfaces(ref Reader reader)
    {
        var interfaces = new Dictionary<string, Dictionary<string, VariantValue>>();
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var name = reader.ReadString();
            interfaces.Add(name, reader.ReadDictionaryOfStringToVariantValue());
        }

        return interfaces;
    }
}
