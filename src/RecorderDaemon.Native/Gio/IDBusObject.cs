namespace RecorderDaemon.Native;

/// <summary>The .NET side of one registered D-Bus interface; called on the GLib loop thread.</summary>
public interface IDBusObject
{
    /// <summary>
    /// Handles a method call. Must answer <paramref name="call"/> exactly once, now or later from any
    /// thread; a synchronous exception is answered with <c>org.freedesktop.DBus.Error.Failed</c>.
    /// </summary>
    void HandleMethodCall(DBusMethodInvocation call);

    /// <summary>The property's current value (of exactly its declared type), or null if there is none.</summary>
    GVariant? GetProperty(string sender, string propertyName);
}
