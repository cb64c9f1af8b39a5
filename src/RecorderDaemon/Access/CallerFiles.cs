using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Native;

namespace RecorderDaemon.Access;

/// <summary>
/// Opens, creates and removes files with a caller's rights. On the system bus, where recorderd runs as
/// root, every operation runs with the caller's credentials (see <see cref="ThreadCredentials"/>), so a
/// file the caller could not open or create stays out of reach; on the session bus the caller is the
/// daemon's own user and nothing is switched.
/// </summary>
public sealed class CallerFiles(UnixCredentials? credentials)
{
    /// <summary>The daemon's own rights, for callers of its own user.</summary>
    public static CallerFiles OfDaemonUser { get; } = new(null);

    /// <summary>Creates <paramref name="path"/> exclusively, open for writing; null when it exists already.</summary>
    /// <exception cref="UnixErrorException">it cannot be created</exception>
    public SafeFileHandle? TryCreateNew(string path) => Run<SafeFileHandle?>(() =>
    {
        try
        {
            return UnixFiles.CreateNew(path);
        }
        catch (UnixErrorException exception) when (exception.IsAlreadyExisting)
        {
            return null;
        }
    });

    /// <exception cref="UnixErrorException">it cannot be opened</exception>
    public SafeFileHandle OpenForReading(string path) => Run(() => UnixFiles.OpenForReading(path));

    /// <summary>
    /// Checks that the caller may open <paramref name="path"/> for reading and writing, and returns its real path (no
    /// symbolic links), which names the same file later even if a link on the way is changed.
    /// </summary>
    /// <exception cref="UnixErrorException">no access, or no such file</exception>
    public string RequireReadWriteAccess(string path) => Run(() =>
    {
        var real = UnixFiles.RealPath(path);
        UnixFiles.RequireReadWriteAccess(real);
        return real;
    });

    /// <exception cref="UnixErrorException">it cannot be removed</exception>
    public void Delete(string path) => Run(() =>
    {
        UnixFiles.Delete(path);
        return 0;
    });

    /// <summary>Makes <paramref name="directory"/> and its missing parents, each as the caller.</summary>
    /// <exception cref="UnixErrorException">one of them cannot be made</exception>
    public void CreateDirectories(string directory) => Run(() =>
    {
        var missing = new Stack<string>();
        for (var path = directory; !string.IsNullOrEmpty(path) && !Directory.Exists(path); path = Path.GetDirectoryName(path))
        {
            missing.Push(path);
        }

        while (missing.TryPop(out var path))
        {
            UnixFiles.MakeDirectory(path);
        }

        return 0;
    });

    /// <summary>The text of a small file, or null when the caller cannot read it (or recorderd cannot act as the caller).</summary>
    public string? TryReadText(string path)
    {
        try
        {
            using var handle = OpenForReading(path);
            using var reader = new StreamReader(new FileStream(handle, FileAccess.Read));
            return reader.ReadToEnd();
        }
        catch (Exception exception) when (exception is IOException or RecorderException)
        {
            return null;
        }
    }

    /// <exception cref="RecorderException">NotAllowedError when recorderd, not running as root, cannot take the caller's credentials</exception>
    private T Run<T>(Func<T> operation)
    {
        if (credentials is null)
        {
            return operation();
        }

        try
        {
            return ThreadCredentials.RunAs(credentials, operation);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new RecorderException(DomErrorName.NotAllowedError, $"{exception.Message}; pass the output as 'outputFd' instead");
        }
    }
}
