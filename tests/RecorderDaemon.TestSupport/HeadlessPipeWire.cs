using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A private dbus-daemon, pipewire, wireplumber and a 440 Hz <c>Audio/Source</c> node, started with
/// <c>scripts/headless-pipewire.sh</c> (copied next to whatever references this project); stopped on Dispose.
/// </summary>
public sealed partial class HeadlessPipeWire : IDisposable
{
    /// <summary>The variables that point a PipeWire client at an instance.</summary>
    /// <remarks>PIPEWIRE_REMOTE would override the socket name (an absolute path would escape the runtime dir).</remarks>
    public static readonly IReadOnlyList<string> ClientVariables = ["XDG_RUNTIME_DIR", "PIPEWIRE_RUNTIME_DIR", "PIPEWIRE_REMOTE"];

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private bool _stopped;

    private HeadlessPipeWire(IReadOnlyDictionary<string, string> variables, string diagnostics)
    {
        Variables = variables;
        Diagnostics = diagnostics;
    }

    /// <summary>The exported variables of the instance (<c>HEADLESS_PW_DIR</c>, <c>XDG_RUNTIME_DIR</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>What the script said while starting it.</summary>
    public string Diagnostics { get; }

    public string Directory => Variables["HEADLESS_PW_DIR"];

    /// <summary>The tone node's <c>node.name</c>.</summary>
    public string ToneNode => Variables["HEADLESS_PW_TONE_NODE"];

    private static string Script => Path.Combine(AppContext.BaseDirectory, "scripts", "headless-pipewire.sh");

    /// <exception cref="PipeWireUnavailableException">no script, no bash, or the script failed or took too long</exception>
    public static HeadlessPipeWire Start()
    {
        var (exitCode, output, diagnostics) = RunScript("start");
        return exitCode == 0
            ? new HeadlessPipeWire(ExportLine().Matches(output).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value), diagnostics.Trim())
            : throw new PipeWireUnavailableException($"headless PipeWire could not be started (exit {exitCode}): {diagnostics.Trim()}");
    }

    /// <summary>Makes a process environment talk to this PipeWire, for clients started by a test.</summary>
    public void UseIn(ProcessStartInfo start)
    {
        foreach (var name in ClientVariables)
        {
            start.Environment[name] = Variables.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Every node, read with <c>pw-dump</c> in a child process: a device monitor in this process would be a second
    /// PipeWire client with its own threads, which libpipewire 0.3.65 does not always survive stopping.
    /// </summary>
    public IReadOnlyList<PipeWireNode> Nodes()
    {
        var start = new ProcessStartInfo("pw-dump");
        UseIn(start);
        var (exitCode, output, error) = ChildProcess.Run(start, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pw-dump failed (exit {exitCode}): {error}");
        }

        using var dump = JsonDocument.Parse(output);
        return [.. dump.RootElement.EnumerateArray()
            .Where(item => item.GetProperty("type").GetString() == "PipeWire:Interface:Node"
                && item.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
                && info.TryGetProperty("props", out var props) && props.ValueKind == JsonValueKind.Object)
            .Select(item => new PipeWireNode(
                item.GetProperty("id").GetUInt32(),
                item.GetProperty("info").GetProperty("props").EnumerateObject().ToDictionary(prop => prop.Name, prop => prop.Value.ToString())))];
    }

    /// <exception cref="InvalidOperationException">the script failed to stop it</exception>
    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var (exitCode, _, diagnostics) = RunScript("stop", Directory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"headless-pipewire.sh stop failed: {diagnostics}");
        }
    }

    private static (int ExitCode, string Output, string Diagnostics) RunScript(params string[] arguments)
    {
        if (!File.Exists(Script))
        {
            throw new PipeWireUnavailableException($"no {Script}");
        }

        try
        {
            return ChildProcess.Run(new ProcessStartInfo("bash", [Script, .. arguments]), ScriptTimeout);
        }
        catch (Win32Exception error)
        {
            throw new PipeWireUnavailableException($"cannot run bash: {error.Message}");
        }
        catch (TimeoutException)
        {
            throw new PipeWireUnavailableException($"headless-pipewire.sh {arguments[0]} took longer than {ScriptTimeout.TotalSeconds} s");
        }
    }

    [GeneratedRegex(@"^export (\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}

/// <summary>Headless PipeWire cannot run here, e.g. because PipeWire or WirePlumber is not installed.</summary>
public sealed class PipeWireUnavailableException(string message) : Exception(message);
