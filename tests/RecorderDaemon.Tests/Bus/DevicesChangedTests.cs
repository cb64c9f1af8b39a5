using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>Manager1.DevicesChanged through the real daemon, which is given the private headless PipeWire's environment.</summary>
[TestFixture]
public sealed class DevicesChangedTests : HeadlessPipeWireFixture
{
    private const string ExtraNode = "recorderd-extra";
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    [Test]
    public void DevicesChangedIsEmittedWhenAPipeWireSourceAppearsAndVanishes()
    {
        using var daemon = new DaemonProcess(Variables.ToDictionary(variable => variable.Key, variable => (string?)variable.Value));
        using var changes = new SemaphoreSlim(0);
        var rule = new MatchRule { Type = MessageType.Signal, Interface = "io.github.recorderd.Manager1", Member = "DevicesChanged", Path = "/io/github/recorderd" };
        using var subscription = daemon.Client.WatchSignalsAsync(rule, static (message, _) => message.MemberAsString, _ => changes.Release()).GetAwaiter().GetResult();
        Assert.That(AudioInputs(daemon), Does.Not.Contain($"pipewire:{ExtraNode}"));

        using (var feeder = StartToneFeeder(ExtraNode))
        {
            Assert.That(changes.Wait(SignalTimeout), Is.True, "DevicesChanged when the node appeared");
            Assert.That(AudioInputs(daemon), Does.Contain($"pipewire:{ExtraNode}"));
            Drain(changes);

            feeder.Kill();
            feeder.WaitForExit();
        }

        Assert.That(changes.Wait(SignalTimeout), Is.True, "DevicesChanged when the node vanished");
        Assert.That(AudioInputs(daemon), Does.Not.Contain($"pipewire:{ExtraNode}"));

        daemon.Terminate();
        Assert.That(daemon.WaitForExit(TimeSpan.FromSeconds(15)), Is.True, "recorderd exits after SIGTERM");
        Assert.That(daemon.ExitCode, Is.Zero, $"recorderd after SIGTERM: {daemon.Output}");
    }

    [Test]
    public void OnlyTheDeviceProvidersWhoseDevicesSourceUrisNameAreLoaded()
    {
        using var daemon = new DaemonProcess(Variables.ToDictionary(variable => variable.Key, variable => (string?)variable.Value));
        Assert.That(AudioInputs(daemon), Does.Contain($"pipewire:{ToneNode}"), "the watch started and lists PipeWire's nodes");

        var mapped = File.ReadLines($"/proc/{daemon.ProcessId}/maps")
            .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(5)))
            .ToHashSet();
        Assert.That(mapped, Is.SupersetOf(new[] { "libgstpipewire.so", "libgstvideo4linux2.so" }));
        Assert.That(mapped, Has.No.Member("libgstdecklink.so").And.No.Member("libgstpulseaudio.so"), "device providers whose devices no source URI names");
    }

    /// <summary>deviceIds of the <c>audioinput</c> devices EnumerateDevices lists.</summary>
    private static List<string> AudioInputs(DaemonProcess daemon)
    {
        return daemon.CallManager("EnumerateDevices", Replies.Dictionaries)
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
}
