using System.Runtime.InteropServices;
using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Turns the source URIs clients name into a recorder's <see cref="IStreamSource"/>s, in two steps: parsing checks
/// form only, at once; resolving finds what the URI names, with the caller's rights, and learns its tracks.
/// </summary>
public interface ISourceResolver
{
    /// <param name="pipeWireRemote">the recorder's connection to PipeWire from its client (option <c>pipewireRemote</c>), through which its <c>pipewire:</c> nodes are recorded; null for recorderd's own</param>
    /// <exception cref="ArgumentException">the URI is malformed; the message names what is wrong</exception>
    IStreamSource Parse(string uri, SafeHandle? pipeWireRemote);

    /// <summary>
    /// Checks that what <paramref name="source"/> names exists and that the caller may use it, and learns its tracks.
    /// May block (devices and files are probed), so never call it on the loop thread.
    /// </summary>
    /// <exception cref="RecorderException">NotFoundError when the device or file does not exist; NotAllowedError when the caller may not use it; NotSupportedError when it holds nothing to record</exception>
    void Resolve(IStreamSource source, CallerFiles files);
}
