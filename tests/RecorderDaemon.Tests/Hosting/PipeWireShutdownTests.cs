using System.Diagnostics;
using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>
/// A daemon that listed devices and recorded from PipeWire exits 0 on SIGTERM, every time: the crash at shutdown
/// this guards against (a double free when PipeWire's device provider is stopped, see GstDeviceWatch) came only now and then.
/// </summary>
[TestFixture]
public sealed class PipeWireShutdownTests : HeadlessPipeWireFixture
{
    private const int Cycles = 50;
    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    [Test]
    public void EveryCycleOfEnumeratingRecordingAndSigtermExitsZeroWithAFinalFile()
    {
        var environment = Variables.ToDictionary(variable => variable.Key, variable => (string?)variable.Value);
        var crashes = new List<string>();
        var elapsed = Stopwatch.StartNew();
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            using var daemon = new DaemonProcess(environment);
            daemon.CallManager("EnumerateDevices");
            var path = daemon.CreateRecorder([$"pipewire:{ToneNode}"]);
            daemon.CallRecorder(path, "Start", [0u]);
            Poll.Until(() => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0, "the recording's first bytes");
            daemon.CallRecorder(path, "Stop");
            var location = daemon.GetProperty(path, Recorder, "Location").GetString();

            daemon.Terminate();
            Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(15)), Is.True, $"cycle {cycle}: recorderd still runs after SIGTERM");
            if (daemon.ExitCode != 0)
            {
                crashes.Add($"cycle {cycle}: exit {daemon.ExitCode}: {daemon.Output}");
            }

            var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), $"cycle {cycle}: {location}");
            Assert.That(info.Seekable, Is.True, $"cycle {cycle}: {location} was not finalized");
        }

        TestContext.Progress.WriteLine($"{Cycles} cycles in {elapsed.Elapsed.TotalSeconds:0} s, {crashes.Count} crashes");
        Assert.That(crashes, Is.Empty, $"{crashes.Count} of {Cycles} daemons did not exit 0 after SIGTERM");
    }
}
