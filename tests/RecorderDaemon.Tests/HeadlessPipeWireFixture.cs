using System.Diagnostics;
using System.Runtime.InteropServices;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests;

/// <summary>
/// Base of fixtures that need PipeWire: starts a <see cref="HeadlessPipeWire"/> and points this process's
/// libpipewire at it. libpipewire reads its runtime dir from the native environment when it connects,
/// so the variables are set with libc <c>setenv</c>: process-global, hence non-parallelizable, and
/// restored on teardown. Without PipeWire the tests are skipped, unless <c>CI=true</c>, where they fail.
/// </summary>
[NonParallelizable]
public abstract partial class HeadlessPipeWireFixture
{
    private readonly Dictionary<string, string?> _savedVariables = [];
    private HeadlessPipeWire? _pipeWire;

    /// <summary>The exported variables of the running instance (<c>HEADLESS_PW_DIR</c>, <c>XDG_RUNTIME_DIR</c>, …).</summary>
    protected IReadOnlyDictionary<string, string> Variables => PipeWire.Variables;

    /// <summary>The tone node's <c>node.name</c>.</summary>
    protected string ToneNode => PipeWire.ToneNode;

    /// <summary>The running instance.</summary>
    protected HeadlessPipeWire PipeWire => _pipeWire ?? throw new InvalidOperationException("headless PipeWire is not running");

    [OneTimeSetUp]
    public void StartPipeWire()
    {
        try
        {
            _pipeWire = HeadlessPipeWire.Start();
        }
        catch (PipeWireUnavailableException unavailable)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(unavailable.Message);
            }

            Assert.Ignore(unavailable.Message);
        }

        foreach (var name in HeadlessPipeWire.ClientVariables)
        {
            _savedVariables[name] = Marshal.PtrToStringUTF8(getenv(name));
            SetNative(name, Variables.GetValueOrDefault(name));
        }

        TestContext.Progress.WriteLine($"headless PipeWire in {PipeWire.Directory}: {PipeWire.Diagnostics.Split('\n')[^1]}");
    }

    [OneTimeTearDown]
    public void StopPipeWire()
    {
        foreach (var (name, value) in _savedVariables)
        {
            SetNative(name, value);
        }

        _savedVariables.Clear();
        _pipeWire?.Dispose();
        _pipeWire = null;
    }

    /// <summary>A process environment that talks to this PipeWire, for clients started by a test.</summary>
    protected void UseThisPipeWire(ProcessStartInfo start) => PipeWire.UseIn(start);

    /// <summary>
    /// Starts another tone feeder, a separate client process whose node is <paramref name="nodeName"/>,
    /// and waits until the node is listed; killing it is how a test loses a device.
    /// </summary>
    protected Process StartToneFeeder(string nodeName, int frequency = 660) =>
        PipeWire.StartTone(
            frequency,
            [$"client-name={nodeName}", $"stream-properties=props,media.class=Audio/Source,node.name={nodeName},node.description={nodeName}"],
            () => NodeNames().Contains(nodeName),
            $"the feeder's node '{nodeName}'");

    /// <summary>Every node of this PipeWire.</summary>
    protected IReadOnlyList<PipeWireNode> Nodes() => PipeWire.Nodes();

    private HashSet<string> NodeNames() => [.. Nodes().Where(node => node.MediaClass == "Audio/Source").Select(node => node.Name)];

    private static void SetNative(string name, string? value)
    {
        var result = value is null ? unsetenv(name) : setenv(name, value, 1);
        Assert.That(result, Is.Zero, $"could not set {name} in the native environment");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
