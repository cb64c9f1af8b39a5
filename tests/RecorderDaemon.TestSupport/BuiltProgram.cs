using System.Diagnostics;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// One of this repository's programs as the tests and the bench run it: the NativeAOT executable that an environment
/// variable names (<c>make test</c> sets <c>RECORDERD_EXECUTABLE</c> and <c>RECORDERCTL_EXECUTABLE</c> to
/// <c>artifacts/aot/…</c>), else <c>dotnet NAME.dll</c> from the caller's output directory, so that <c>dotnet test</c>
/// alone (in an IDE) runs what it has just built.
/// </summary>
public sealed class BuiltProgram
{
    private BuiltProgram(string path) => Path = path;

    /// <summary>The daemon: <c>$RECORDERD_EXECUTABLE</c>, else <c>dotnet recorderd.dll</c>.</summary>
    public static BuiltProgram Recorderd { get; } = Find("RECORDERD_EXECUTABLE", "recorderd.dll");

    /// <summary>The command line: <c>$RECORDERCTL_EXECUTABLE</c>, else <c>dotnet recorderctl.dll</c>.</summary>
    public static BuiltProgram Recorderctl { get; } = Find("RECORDERCTL_EXECUTABLE", "recorderctl.dll");

    /// <summary>The executable, or the assembly that <c>dotnet</c> runs.</summary>
    public string Path { get; }

    /// <summary>Whether this is an assembly run by <c>dotnet</c> rather than an executable.</summary>
    public bool IsAssembly => Path.EndsWith(".dll", StringComparison.Ordinal);

    /// <summary>What to start it with <paramref name="arguments"/>.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> arguments) =>
        IsAssembly ? new ProcessStartInfo("dotnet", [Path, .. arguments]) : new ProcessStartInfo(Path, arguments);

    /// <summary>The words that run it in a shell script or <c>sh -c</c>, quoted; arguments follow.</summary>
    public string ShellCommand => IsAssembly ? $"dotnet {ShellQuote(Path)}" : ShellQuote(Path);

    /// <summary><paramref name="word"/> as one single-quoted shell word.</summary>
    public static string ShellQuote(string word) => $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public override string ToString() => IsAssembly ? $"dotnet {Path}" : Path;

    private static BuiltProgram Find(string variable, string assembly)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } executable)
        {
            return File.Exists(executable)
                ? new BuiltProgram(System.IO.Path.GetFullPath(executable))
                : throw new FileNotFoundException($"{variable} names {executable}, which does not exist (make publish builds it)", executable);
        }

        return new BuiltProgram(System.IO.Path.Combine(AppContext.BaseDirectory, assembly));
    }
}
