namespace RecorderDaemon.Tests;

/// <summary>Virtual screens (<see cref="VirtualScreen"/>) on the fixture's PipeWire; dispose each after its one recording.</summary>
public abstract partial class HeadlessPipeWireFixture
{
    /// <summary>A fresh screen showing a live test pattern, named <paramref name="name"/> plus a unique suffix.</summary>
    protected VirtualScreen StartVirtualScreen(string name, int width = 800, int height = 600, int framerate = 30, string pattern = "smpte") =>
        VirtualScreen.StartPattern(PipeWire, UniqueName(name), width, height, framerate, pattern);

    /// <summary>A fresh screen that sends frames only when told to (<see cref="VirtualScreen.SendFrames"/>).</summary>
    protected VirtualScreen StartOnDemandScreen(string name, int width = 320, int height = 240) =>
        VirtualScreen.StartOnDemand(PipeWire, UniqueName(name), width, height);

    private static string UniqueName(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
}
