using System.Runtime.InteropServices;
using RecorderDaemon.Access;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The daemon's <see cref="ISourceResolver"/>: <see cref="SourceUri"/>'s sources, whose devices are looked up in
/// <paramref name="devices"/>, the daemon's one device watch, which EnumerateDevices lists too, and whose screens are
/// those of <paramref name="screens"/>.
/// </summary>
public sealed class SourceResolver(IDeviceList devices, ScreenSessions screens) : ISourceResolver
{
    public IStreamSource Parse(string uri, SafeHandle? pipeWireRemote) => SourceUri.Parse(uri, devices, pipeWireRemote, screens);

    public void Resolve(IStreamSource source, CallerFiles files) => TrackSourceOf(source).Resolve(files);

    /// <exception cref="ArgumentException"><paramref name="source"/> was not parsed here</exception>
    internal static TrackSource TrackSourceOf(IStreamSource source) =>
        source as TrackSource ?? throw new ArgumentException($"'{source.Uri}' is not a source recorderd's pipelines can record", nameof(source));
}
