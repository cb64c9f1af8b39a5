namespace RecorderDaemon.Media.Sources;

/// <summary>The socket of the PipeWire server this process connects to, found as libpipewire finds it.</summary>
internal static class PipeWireSocket
{
    /// <summary><c>$PIPEWIRE_REMOTE</c> (default <c>pipewire-0</c>) in the first of <c>$PIPEWIRE_RUNTIME_DIR</c>, <c>$XDG_RUNTIME_DIR</c>; null when neither is set.</summary>
    public static string? Path()
    {
        var name = Environment.GetEnvironmentVariable("PIPEWIRE_REMOTE") is { Length: > 0 } remote ? remote : "pipewire-0";
        if (System.IO.Path.IsPathFullyQualified(name))
        {
            return name;
        }

        var directory = new[] { "PIPEWIRE_RUNTIME_DIR", "XDG_RUNTIME_DIR" }
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        return directory is null ? null : System.IO.Path.Combine(directory, name);
    }
}
