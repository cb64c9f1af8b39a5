using Tmds.DBus.Protocol;

namespace RecorderDaemon.Client;

internal sealed partial class ClientConnection
{
    /// <summary><c>org.freedesktop.DBus.Properties.Get</c> of the daemon's object at <paramref name="path"/>.</summary>
    public Task<VariantValue> GetPropertyAsync(string path, string iface, string name, CancellationToken cancellationToken)
    {
        using var writer = StartCall(path, RecorderBus.PropertiesInterface, "Get", "ss");
        writer.WriteString(iface);
        writer.WriteString(name);
        return CallAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadVariantValue(), cancellationToken);
    }

    /// <summary><c>org.freedesktop.DBus.Properties.GetAll</c> of the daemon's object at <paramref name="path"/>.</summary>
    public Task<Dictionary<string, VariantValue>> GetAllPropertiesAsync(string path, string iface, CancellationToken cancellationToken)
    {
        using var writer = StartCall(path, RecorderBus.PropertiesInterface, "GetAll", "s");
        writer.WriteString(iface);
        return CallAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadDictionaryOfStringToVariantValue(), cancellationToken);
    }
}
