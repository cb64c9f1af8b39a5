using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>One interface of an object recorderd serves; called on the loop thread with calls already checked against <see cref="Description"/>.</summary>
public interface IBusInterface
{
    InterfaceDescription Description { get; }

    /// <summary>Answers <paramref name="call"/>, now or later, on every path.</summary>
    void HandleMethodCall(BusCall call);

    /// <summary>The value of one of <see cref="Description"/>'s properties.</summary>
    VariantValue GetProperty(string name);
}
