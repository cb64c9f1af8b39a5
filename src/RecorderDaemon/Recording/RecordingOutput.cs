using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Access;

namespace RecorderDaemon.Recording;

/// <summary>
/// Where one recording is written: a file recorderd created for it, or a descriptor the client passed
/// (<c>outputFd</c>). The pipeline writes to <see cref="Handle"/>; the session disposes it once the file is final.
/// </summary>
public sealed class RecordingOutput : IDisposable
{
    private readonly CallerFiles? _creator;
    private bool _discarded;

    private RecordingOutput(string location, SafeFileHandle handle, CallerFiles? creator)
    {
        Location = location;
        Handle = handle;
        _creator = creator;
    }

    /// <summary>The file's path; empty for a passed descriptor, whose name recorderd does not know.</summary>
    public string Location { get; }

    public SafeFileHandle Handle { get; }

    /// <summary>The output as messages name it: its quoted path, or the outputFd.</summary>
    public string Name => Location.Length > 0 ? $"'{Location}'" : "the outputFd";

    /// <summary>Bytes in the output so far; 0 once discarded.</summary>
    public long Length => _discarded ? 0 : RandomAccess.GetLength(Handle);

    /// <param name="creator">whose rights created it, and so remove it again</param>
    public static RecordingOutput Created(string path, SafeFileHandle handle, CallerFiles creator) => new(path, handle, creator);

    public static RecordingOutput Passed(SafeFileHandle handle) => new("", handle, creator: null);

    /// <summary>
    /// Creates the file that continues this recording when it is split: <c>NAME (part N).EXT</c> beside this one, never
    /// overwriting (a numbered suffix follows when it exists). Called on a streaming thread.
    /// </summary>
    /// <exception cref="RecorderException">NotAllowedError when it cannot be created; NotSupportedError for a passed descriptor, whose name recorderd does not know</exception>
    public RecordingOutput CreatePart(string firstLocation, int part) =>
        _creator is null
            ? throw RecorderException.NotSupported("a recording into an outputFd cannot be split into files")
            : OutputLocations.CreateFirstFree(_creator, OutputLocations.Numbered(OutputLocations.WithSuffix(firstLocation, $"(part {part})")));

    /// <summary>
    /// Drops what was written: a created file is removed (with its creator's rights, since its directory is the
    /// creator's to change), a passed one emptied. Used for a recording that wrote nothing playable.
    /// </summary>
    public void Discard()
    {
        _discarded = true;
        if (_creator is null)
        {
            RandomAccess.SetLength(Handle, 0);
        }
        else
        {
            try
            {
                _creator.Delete(Location);
            }
            catch (IOException)
            {
                // Removed or replaced by someone else already: nothing of this recording is left to drop.
            }
        }
    }

    public void Dispose() => Handle.Dispose();
}
