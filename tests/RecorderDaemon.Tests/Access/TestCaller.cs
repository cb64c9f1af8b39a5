using System.Diagnostics;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// Runs <c>recorderd-test-caller</c> (tests/RecorderDaemon.TestCaller), which passes an output file as <c>outputFd</c>, as
/// another user or inside a sandbox. Its files are copied to a directory every user can read, since the build output
/// may lie where other users cannot go.
/// </summary>
internal static class TestCaller
{
    private static readonly Lazy<string> Directory = new(CopyForEveryone);

    /// <summary>The directory the caller runs from, to bind into a sandbox.</summary>
    public static string Location => Directory.Value;

    /// <param name="output">
    /// a path, opened for writing (emptied); <c>existing:PATH</c> opened for writing as it is, <c>append:PATH</c> for appending,
    /// <c>read:PATH</c> for reading, <c>pipe</c> a pipe's writing end
    /// </param>
    /// <param name="wrapper">what runs the caller, e.g. <c>setpriv --reuid=65534 …</c>; none runs it as the test's user</param>
    /// <returns>the exit code, the recorder's path (stdout) and the error (stderr, <c>NAME: message</c>)</returns>
    public static (int ExitCode, string Output, string Error) CreateRecorder(string address, string output, string[] sources, params string[] wrapper)
    {
        string[] command = [.. wrapper, "dotnet", Path.Combine(Location, "recorderd-test-caller.dll"), address, output, .. sources];
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var (exitCode, stdout, stderr) = ChildProcess.Run(start, TimeSpan.FromSeconds(60));
        return (exitCode, stdout.Trim(), stderr.Trim());
    }

    /// <summary>Removes the copy, once the tests that run the caller are done.</summary>
    public static void DeleteCopy()
    {
        if (Directory.IsValueCreated)
        {
            System.IO.Directory.Delete(Directory.Value, recursive: true);
        }
    }

    private static string CopyForEveryone()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("recorderd-test-caller-").FullName;
        File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in System.IO.Directory.GetFiles(AppContext.BaseDirectory, "recorderd-test-caller*").Append(Path.Combine(AppContext.BaseDirectory, "Tmds.DBus.Protocol.dll")))
        {
            var copy = Path.Combine(directory, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | UnixFileMode.OtherRead);
        }

        return directory;
    }
}
