namespace RecorderDaemon.TestSupport;

/// <summary>A node of a PipeWire instance: its id (what the portal hands out) and its properties, as <c>pw-dump</c> lists them.</summary>
public sealed record PipeWireNode(uint Id, IReadOnlyDictionary<string, string> Properties)
{
    public string Name => Properties.GetValueOrDefault("node.name", "");

    public string MediaClass => Properties.GetValueOrDefault("media.class", "");
}
