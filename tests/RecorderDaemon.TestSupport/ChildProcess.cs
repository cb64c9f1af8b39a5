using System.Diagnostics;

namespace RecorderDaemon.TestSupport;

/// <summary>Runs a program to its end with its output captured, as a user's shell would; killed past a timeout.</summary>
public static class ChildProcess
{
    /// <summary>The repository's top directory (with the Makefile and RecorderDaemon.sln), above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <exception cref="TimeoutException">the program did not finish within <paramref name="timeout"/> and was killed</exception>
    public static (int ExitCode, string Output, string Error) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a program that must succeed; returns its output.</summary>
    /// <exception cref="InvalidOperationException">it exited with another code than 0; the message holds its error output</exception>
    public static string Succeed(string program, params string[] arguments)
    {
        var (exitCode, output, error) = Run(new ProcessStartInfo(program, arguments), TimeSpan.FromSeconds(60));
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with code {exitCode}: {error}");
    }

    /// <summary>Writes an executable shell script (for a program the code under test starts by name).</summary>
    public static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Makefile")) && File.Exists(Path.Combine(directory.FullName, "RecorderDaemon.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no repository root (Makefile and RecorderDaemon.sln) above {AppContext.BaseDirectory}");
    }
}
