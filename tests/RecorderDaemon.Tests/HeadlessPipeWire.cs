using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests;

/// <summary>
/// Base of fixtures that need PipeWire: starts a private dbus-daemon, pipewire, wireplumber and a
/// 440 Hz <c>Audio/Source</c> node with <c>scripts/headless-pipewire.sh</c>, and points this process's
/// libpipewire at it. libpipewire reads its runtime dir from the native environment when it connects,
/// so the variables are set with libc <c>setenv</c>: process-global, hence non-parallelizable, and
/// restored on teardown. Without PipeWire the tests are skipped, unless <c>CI=true</c>, where they fail.
/// </summary>
[NonParallelizable]
public abstract partial class HeadlessPipeWire
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    // PIPEWIRE_REMOTE would override the socket name (an absolute path would escape the runtime dir).
    private static readonly string[] NativeVariables = ["XDG_RUNTIME_DIR", "PIPEWIRE_RUNTIME_DIR", "PIPEWIRE_REMOTE"];

    private readonly Dictionary<string, string?> _savedVariables = [];
    private string? _directory;

    /// <summary>The exported variables of the running instance (<c>HEADLESS_PW_DIR</c>, <c>XDG_RUNTIME_DIR</c>, …).</summary>
    protected IReadOnlyDictionary<string, string> Variables { get; private set; } = new Dictionary<string, string>();

    /// <summary>The tone node's <c>node.name</c>.</summary>
    protected string ToneNode => Variables["HEADLESS_PW_TONE_NODE"];

    private static string Script => Path.Combine(AppContext.BaseDirectory, "scripts", "headless-pipewire.sh");

    [OneTimeSetUp]
    public void StartPipeWire()
    {
        var (exitCode, output, diagnostics) = RunScript("start");
        if (exitCode != 0)
        {
            Unavailable($"headless PipeWire could not be started (exit {exitCode}): {diagnostics.Trim()}");
        }

        Variables = ExportLine().Matches(output).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        _directory = Variables["HEADLESS_PW_DIR"];
        foreach (var name in NativeVariables)
        {
            _savedVariables[name] = Marshal.PtrToStringUTF8(getenv(name));
            SetNative(name, Variables.GetValueOrDefault(name));
        }

        TestContext.Progress.WriteLine($"headless PipeWire in {_directory}: {diagnostics.Trim().Split('\n')[^1]}");
    }

    [OneTimeTearDown]
    public void StopPipeWire()
    {
        foreach (var (name, value) in _savedVariables)
        {
            SetNative(name, value);
        }

        _savedVariables.Clear();
        if (_directory is not null)
        {
            var (exitCode, _, diagnostics) = RunScript("stop", _directory);
            _directory = null;
            Assert.That(exitCode, Is.Zero, $"headless-pipewire.sh stop failed: {diagnostics}");
        }
    }

    /// <summary>A process environment that talks to this PipeWire, for clients started by a test.</summary>
    protected void UseThisPipeWire(ProcessStartInfo start)
    {
        foreach (var name in NativeVariables)
        {
            start.Environment[name] = Variables.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Starts another tone feeder, a separate client process whose node is <paramref name="nodeName"/>,
    /// and waits until the node is listed; killing it is how a test loses a device.
    /// </summary>
    protected Process StartToneFeeder(string nodeName, int frequency = 660)
    {
        var start = new ProcessStartInfo("gst-launch-1.0",
        [
            "-q", "audiotestsrc", "is-live=true", "wave=sine", $"freq={frequency}",
            "!", "audioconvert", "!", "audio/x-raw,format=S16LE,rate=48000,channels=2",
            "!", "pipewiresink", $"client-name={nodeName}",
            $"stream-properties=props,media.class=Audio/Source,node.name={nodeName},node.description={nodeName}",
        ])
        {
            RedirectStandardInput = true,
        };
        UseThisPipeWire(start);
        var feeder = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!NodeNames().Contains(nodeName))
        {
            if (feeder.HasExited || DateTime.UtcNow > deadline)
            {
                feeder.Kill();
                feeder.Dispose();
                Assert.Fail($"the feeder's node '{nodeName}' did not appear");
            }

            Thread.Sleep(50);
        }

        return feeder;
    }

    /// <summary>The node.name and object.serial of every audio source, as GstDeviceMonitor lists them.</summary>
    protected static IReadOnlyList<IReadOnlyDictionary<string, string>> AudioSources() =>
        [.. GstDeviceMonitor.List(["Audio/Source"], ["node.name", "object.serial"]).Select(device => device.Properties)];

    private static HashSet<string> NodeNames() =>
        [.. AudioSources().Select(properties => properties.GetValueOrDefault("node.name", ""))];

    private static void Unavailable(string why)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(why);
        }

        Assert.Ignore(why);
    }

    private static (int ExitCode, string Output, string Diagnostics) RunScript(params string[] arguments)
    {
        if (!File.Exists(Script))
        {
            Unavailable($"no {Script}");
        }

        var start = new ProcessStartInfo("bash", [Script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process script;
        try
        {
            script = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Unavailable($"cannot run bash: {error.Message}");
            throw;
        }

        using (script)
        {
            var output = script.StandardOutput.ReadToEndAsync();
            var diagnostics = script.StandardError.ReadToEndAsync();
            if (!script.WaitForExit(ScriptTimeout))
            {
                script.Kill(entireProcessTree: true);
                Unavailable($"headless-pipewire.sh {arguments[0]} took longer than {ScriptTimeout.TotalSeconds} s");
            }

            script.WaitForExit();
            return (script.ExitCode, output.Result, diagnostics.Result);
        }
    }

    private static void SetNative(string name, string? value)
    {
        var result = value is null ? unsetenv(name) : setenv(name, value, 1);
        Assert.That(result, Is.Zero, $"could not set {name} in the native environment");
    }

    [GeneratedRegex(@"^export (\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
