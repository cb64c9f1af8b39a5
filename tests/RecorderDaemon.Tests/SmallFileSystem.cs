using RecorderDaemon.TestSupport;

namespace RecorderDaemon.Tests;

/// <summary>A tmpfs of a few MiB mounted in a temp directory (root only), and filled on demand to leave a given space free.</summary>
internal sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Mounts the file system; skips the test when not root.</summary>
    public static SmallFileSystem Mount(int megabytes)
    {
        RootOnly.Require("mounting a small tmpfs to fill");
        var directory = System.IO.Directory.CreateTempSubdirectory("recorderd-small-fs-").FullName;
        ChildProcess.Succeed("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "recorderd-test", directory);
        return new SmallFileSystem(directory);
    }

    public long FreeBytes => new DriveInfo(Directory).AvailableFreeSpace;

    /// <summary>Writes a file that leaves <paramref name="freeBytes"/> free (to within a page), replacing an earlier filler.</summary>
    public void LeaveFree(long freeBytes)
    {
        var filler = Path.Combine(Directory, "filler");
        File.Delete(filler);
        using (var stream = File.Create(filler))
        {
            stream.SetLength(0);
            stream.Write(new byte[FreeBytes - freeBytes]);
        }

        Assert.That(FreeBytes, Is.EqualTo(freeBytes).Within(8192), "the filler left the space asked for");
    }

    public void Dispose()
    {
        ChildProcess.Succeed("umount", Directory);
        System.IO.Directory.Delete(Directory);
    }
}
