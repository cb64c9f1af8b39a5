using System.Diagnostics;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The README's Usage walkthrough, run verbatim against the real daemon (<c>--user</c> becomes
/// <c>--address=</c> the private bus), and a check that the README has no busctl command this does not run (but those of
/// the screen section, which <see cref="Portal.GetDisplayMediaTests"/> runs).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReadmeExamplesTests
{
    private const string Recorder1 = "/io/github/recorderd/recorder/1";
    private readonly List<string> _ran = [];

    [Test]
    public void TheUsageWalkthroughWorksAsWrittenAndCoversEveryReadmeCommand()
    {
        using var daemon = new DaemonProcess();
        string? location = null;
        string? replay = null;
        try
        {
            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 IsTypeSupported s 'video/webm;codecs=vp8,opus'"),
                Is.EqualTo("b true"));
            Assert.That(Run(daemon, "busctl --user get-property io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 SupportedMimeTypes"),
                Does.StartWith("as ").And.Contain("\"video/webm;codecs=vp8,opus\""));
            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 EncodingInfo 'sa{sv}' 'video/mp4;codecs=avc1' 3 width u 320 height u 240 framerate d 30"),
                Is.EqualTo("a{sv} 3 \"supported\" b true \"smooth\" b true \"powerEfficient\" b false"));
            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 EnumerateDevices"),
                Does.StartWith("aa{sv} "));

            using var monitor = Start(daemon, "busctl --user monitor io.github.recorderd");
            Thread.Sleep(300);
            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 CreateRecorder 'asa{sv}' 2 test:audio 'test:video?pattern=ball&width=320&height=240' 2 mimeType s 'video/webm;codecs=vp8,opus' location s /tmp/recorderd-demo.webm"),
                Is.EqualTo($"o \"{Recorder1}\""));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 Start u 1000");
            Thread.Sleep(1300);

            var properties = Run(daemon, "busctl --user get-property io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 State Location Duration").Split('\n');
            Assert.That(properties[0], Is.EqualTo("s \"recording\""));
            Assert.That(properties[1], Does.Match("^s \"/tmp/recorderd-demo( \\(\\d+\\))?\\.webm\"$"));
            location = properties[1][3..^1];
            Assert.That(ulong.Parse(properties[2][2..]), Is.GreaterThan(500_000UL), "µs recorded");

            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 Pause");
            Assert.That(daemon.RecorderState(Recorder1), Is.EqualTo("paused"));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 Resume");
            Assert.That(daemon.RecorderState(Recorder1), Is.EqualTo("recording"));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 RequestData");
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 Stop");
            Assert.That(daemon.RecorderState(Recorder1), Is.EqualTo("inactive"));
            var info = RecorderDaemon.Native.GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.That(info.Seekable, Is.True);
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));

            Assert.That(Run(daemon, "busctl --user introspect io.github.recorderd /io/github/recorderd/recorder/1"),
                Does.Contain("io.github.recorderd.MediaRecorder1").And.Contain(".Start"));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/1 io.github.recorderd.MediaRecorder1 Destroy");
            Assert.That(daemon.ManagedPaths(), Does.Not.Contain(Recorder1));

            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 CreateRecorder 'asa{sv}' 1 test:audio 1 stopOnDisconnect b true"),
                Is.EqualTo("o \"/io/github/recorderd/recorder/2\""));
            Poll.Until(() => !daemon.ManagedPaths().Contains("/io/github/recorderd/recorder/2"));

            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 CreateRecorder 'asa{sv}' 2 'test:audio?volume=0.5' 'test:audio?freq=880' 1 audioTracks s separate"),
                Is.EqualTo("o \"/io/github/recorderd/recorder/3\""));
            daemon.CallRecorder("/io/github/recorderd/recorder/3", "Destroy");

            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 CreateRecorder 'asa{sv}' 2 test:audio 'test:video?pattern=ball&width=320&height=240' 1 replayBuffer u 10"),
                Is.EqualTo("o \"/io/github/recorderd/recorder/4\""));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/4 io.github.recorderd.MediaRecorder1 Start u 0");
            Thread.Sleep(1500);
            replay = Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/4 io.github.recorderd.MediaRecorder1 SaveReplay s /tmp/recorderd-replay.webm")[3..^1];
            Assert.That(replay, Does.Match("^/tmp/recorderd-replay( \\(\\d+\\))?\\.webm$"));
            Assert.That(RecorderDaemon.Native.GstDiscoverer.Discover(new Uri(replay).AbsoluteUri, TimeSpan.FromSeconds(10)).Duration.TotalSeconds, Is.GreaterThan(0.5));
            daemon.CallRecorder("/io/github/recorderd/recorder/4", "Destroy");

            Assert.That(Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd io.github.recorderd.Manager1 CreateRecorder 'asa{sv}' 1 test:audio 2 maxFileDuration u 600000 timeLimit u 3600000"),
                Is.EqualTo("o \"/io/github/recorderd/recorder/5\""));
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/5 io.github.recorderd.MediaRecorder1 Start u 0");
            var first = daemon.GetProperty("/io/github/recorderd/recorder/5", "io.github.recorderd.MediaRecorder1", "Location").GetString();
            Thread.Sleep(500);
            Run(daemon, "busctl --user call io.github.recorderd /io/github/recorderd/recorder/5 io.github.recorderd.MediaRecorder1 Split");
            Poll.Until(() => daemon.GetProperty("/io/github/recorderd/recorder/5", "io.github.recorderd.MediaRecorder1", "Location").GetString() != first);
            daemon.CallRecorder("/io/github/recorderd/recorder/5", "Destroy");

            var watched = Stop(monitor);
            Assert.That(watched, Does.Contain("Member=Started").And.Contain("Member=DataAvailable").And.Contain("Member=Paused")
                .And.Contain("Member=Resumed").And.Contain("Member=Stopped").And.Contain("Member=PropertiesChanged"));
        }
        finally
        {
            foreach (var file in new[] { location, replay }.OfType<string>())
            {
                File.Delete(file);
            }
        }

        Assert.That(_ran, Is.EquivalentTo(ReadmeCommands.Outside(ReadmeCommands.ScreenSection)), "every busctl command in README.md (but the screen's, which need a portal) is run here, and only those");
    }

    private string Run(DaemonProcess daemon, string command)
    {
        var (exitCode, output, error) = daemon.Busctl(ReadmeCommands.Arguments(command));
        Assert.That(exitCode, Is.Zero, $"{command}: {error}");
        _ran.Add(command);
        return output.TrimEnd('\n');
    }

    private Process Start(DaemonProcess daemon, string command)
    {
        var start = new ProcessStartInfo("busctl", [$"--address={daemon.Address}", .. ReadmeCommands.Arguments(command)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        _ran.Add(command);
        return Process.Start(start)!;
    }

    private static string Stop(Process monitor)
    {
        var output = monitor.StandardOutput.ReadToEndAsync();
        monitor.Kill();
        monitor.WaitForExit();
        return output.Result;
    }
}
