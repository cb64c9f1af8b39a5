using System.Diagnostics;
using System.Text.RegularExpressions;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Manager1.DevicesChanged through the real daemon, against a private headless PipeWire
/// (<c>scripts/headless-pipewire.sh</c>) whose environment is given to the daemon process only.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class DevicesChangedTests
{
    private const string ExtraNode = "recorderd-extra";
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    [Test]
    public void DevicesChangedIsEmittedWhenAPipeWireSourceAppearsAndVanishes()
    {
        var pipewire = StartPipeWire();
        try
        {
            using var daemon = new DaemonProcess(pipewire);
            using var changes = new SemaphoreSlim(0);
            using var subscription = daemon.Loop.InvokeAsync(() => daemon.Connection.SubscribeSignal(
                null, "io.github.recorderd.Manager1", "DevicesChanged", "/io/github/recorderd", _ => changes.Release())).GetAwaiter().GetResult();
            Assert.That(AudioInputs(daemon), Does.Not.Contain($"pipewire:{ExtraNode}"));

            using (var feeder = StartFeeder(pipewire))
            {
                Assert.That(changes.Wait(SignalTimeout), Is.True, "DevicesChanged when the node appeared");
                Assert.That(AudioInputs(daemon), Does.Contain($"pipewire:{ExtraNode}"));
                Drain(changes);

                feeder.Kill();
                feeder.WaitForExit();
            }

            Assert.That(changes.Wait(SignalTimeout), Is.True, "DevicesChanged when the node vanished");
            Assert.That(AudioInputs(daemon), Does.Not.Contain($"pipewire:{ExtraNode}"));

            // Known problem, reported rather than failed: after devices were listed from the started PipeWire provider
            // (GStreamer 1.22, PipeWire 0.3.65), the process often dies of heap corruption (SIGSEGV or an abort in free())
            // once shut down, like gst-device-monitor-1.0 does. Recordings are finalized before that point.
            var exitCode = daemon.Terminate(TimeSpan.FromSeconds(15));
            TestContext.Out.WriteLine($"recorderd exited with {exitCode} after SIGTERM");
            if (exitCode != 0)
            {
                Assert.Warn($"recorderd exited with {exitCode} after SIGTERM: {daemon.Output}");
            }
        }
        finally
        {
            StopPipeWire(pipewire);
        }
    }

    /// <summary>deviceIds of the <c>audioinput</c> devices EnumerateDevices lists.</summary>
    private static List<string> AudioInputs(DaemonProcess daemon)
    {
        using var devices = daemon.CallManager("EnumerateDevices").GetChild(0);
        return Enumerable.Range(0, devices.ChildCount)
            .Select(i => devices.GetChild(i).ToVariantDictionary())
            .Where(device => device["kind"].GetString() == "audioinput")
            .Select(device => device["deviceId"].GetString())
            .ToList();
    }

    private static void Drain(SemaphoreSlim changes)
    {
        Thread.Sleep(300);
        while (changes.Wait(0))
        {
        }
    }

    /// <summary>A second tone node, a plain (default-mode) pipewiresink whose stream claims to be a source device.</summary>
    private static Process StartFeeder(IDictionary<string, string> pipewire)
    {
        var start = new ProcessStartInfo("gst-launch-1.0",
        [
            "-q", "audiotestsrc", "is-live=true", "!", "audioconvert", "!", "audio/x-raw,format=S16LE,rate=48000,channels=2", "!",
            "pipewiresink", "client-name=extra", $"stream-properties=props,media.class=Audio/Source,node.name={ExtraNode}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in pipewire)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>headless-pipewire.sh start</c> and returns the variables it exports; ignores (or in CI fails) the test when it cannot.</summary>
    private static Dictionary<string, string> StartPipeWire()
    {
        var script = FindScript();
        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var reason = $"headless PipeWire could not start (exit {process.ExitCode}): {error.Result}";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        return ExportLine().Matches(output).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
    }

    private static void StopPipeWire(Dictionary<string, string> pipewire)
    {
        using var stop = Process.Start(new ProcessStartInfo("bash", [FindScript(), "stop", pipewire["HEADLESS_PW_DIR"]]) { RedirectStandardError = true })!;
        stop.StandardError.ReadToEnd();
        stop.WaitForExit();
    }

    /// <summary>The script in the source tree, found from the test binaries' directory upwards.</summary>
    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scripts", "headless-pipewire.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scripts/headless-pipewire.sh not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^export ([A-Z_]+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
