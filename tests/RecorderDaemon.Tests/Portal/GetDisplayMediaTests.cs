using System.Text.RegularExpressions;
using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Portal;

/// <summary>
/// Manager1.GetDisplayMedia through the real xdg-desktop-portal frontend, with the test playing the desktop's ScreenCast
/// backend (the only part that needs a desktop session) and a test pattern playing the screen on headless PipeWire.
/// </summary>
[TestFixture]
public sealed class GetDisplayMediaTests : HeadlessPipeWireFixture
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly TimeSpan Recorded = TimeSpan.FromSeconds(2);

    [Test]
    public void ThePickedScreenIsRecordedThroughThePortal()
    {
        using var desktop = StartDesktop("recorderd-portal-screen");
        var (daemon, backend) = (desktop.Daemon, desktop.Backend);

        var (sources, info) = GetDisplayMedia(daemon, new Dict<string, VariantValue> { ["types"] = VariantValue.Array(new[] { "monitor", "window" }), ["cursor"] = "hidden" });

        Assert.That(sources, Has.Length.EqualTo(1).And.All.StartWith("screen:"));
        var stream = info["streams"].GetItem(0).GetDictionary<string, VariantValue>();
        Assert.Multiple(() =>
        {
            Assert.That((stream["source"].GetString(), stream["width"].GetInt32(), stream["height"].GetInt32()), Is.EqualTo((sources[0], 320, 240)));
            Assert.That(backend.Selected["types"].GetUInt32(), Is.EqualTo(3u), "monitor and window");
            Assert.That(backend.Selected["cursor_mode"].GetUInt32(), Is.EqualTo(1u), "hidden");
        });

        var location = Path.Combine(daemon.Directory, "screen.webm");
        var path = daemon.CreateRecorder(sources, ("location", location), ("mimeType", "video/webm;codecs=vp8"));
        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64() > 0, "the recording to start", TimeSpan.FromSeconds(10));
        Thread.Sleep(Recorded);
        daemon.CallRecorder(path, "Stop");

        var recorded = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        var frames = MediaProbe.VideoFrames(location);
        Assert.Multiple(() =>
        {
            Assert.That(recorded.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
            Assert.That((frames.Width, frames.Height), Is.EqualTo((320, 240)), "the picked screen's size");
            Assert.That(frames.Count, Is.GreaterThan(50), "every frame of two seconds at 30 fps, not one");
        });
    }

    [Test]
    public void TheReadmesScreenCommandsWorkAsWritten()
    {
        using var desktop = StartDesktop("recorderd-portal-readme");
        var daemon = desktop.Daemon;
        var commands = ReadmeCommands.In(ReadmeCommands.ScreenSection);
        Assert.That(commands, Has.Count.EqualTo(2));

        var shared = Busctl(daemon, commands[0]);
        var uri = Regex.Match(shared, "^asa\\{sv\\} 1 \"(screen:[0-9]+/[0-9]+)\"").Groups[1].Value;
        Assert.That(uri, Is.EqualTo($"screen:1/{desktop.Backend.Screen.Node}"), shared);
        Assert.That(Busctl(daemon, commands[1].Replace("screen:1/57", uri, StringComparison.Ordinal)), Is.EqualTo("o \"/io/github/recorderd/recorder/1\""));
    }

    [Test]
    public void ASessionNoRecorderUsesIsClosedAfterTheGracePeriod()
    {
        using var desktop = StartDesktop("recorderd-portal-unused", "--Recorderd:ScreenShareGraceSeconds=1");
        var daemon = desktop.Daemon;
        var (sources, _) = GetDisplayMedia(daemon, []);

        Poll.Until(() => daemon.Output.Contains("closed: no recorder used it"), "the session to be closed", TimeSpan.FromSeconds(10));

        var error = DaemonProcess.ErrorOf(() => daemon.CreateRecorder(sources));
        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"));
        Assert.That(error.ErrorMessage, Does.Contain("closed"));
    }

    [Test]
    public void ARestoreTokenFromOneCallBringsTheBackendItsRestoreDataOnTheNext()
    {
        using var desktop = StartDesktop("recorderd-portal-restore");
        var (daemon, backend) = (desktop.Daemon, desktop.Backend);

        var (_, first) = GetDisplayMedia(daemon, new Dict<string, VariantValue> { ["persist"] = "session" });
        Assert.That(backend.Selected["persist_mode"].GetUInt32(), Is.EqualTo(1u));
        Assert.That(first.ContainsKey("restoreToken"), Is.True, "the portal gave a restore token");
        var (sources, second) = GetDisplayMedia(daemon, new Dict<string, VariantValue> { ["persist"] = "session", ["restoreToken"] = first["restoreToken"].GetString() });

        Assert.That(backend.Selected.TryGetValue("restore_data", out var restored), Is.True, "the backend was handed its restore data");
        Assert.That(restored.GetItem(0).GetString(), Is.EqualTo(TestScreenCastBackend.RestoreDataKey));
        Assert.That(sources, Has.Length.EqualTo(1));
        Assert.That(second.ContainsKey("restoreToken"), Is.True, "a new token for the time after");
    }

    [Test]
    public void RecorderctlRecordsAPickedScreenAndKeepsTheRestoreToken()
    {
        using var desktop = StartDesktop("recorderd-portal-ctl");
        var (daemon, backend) = (desktop.Daemon, desktop.Backend);
        var tokenFile = Path.Combine(daemon.Directory, "screen.token");
        var location = Path.Combine(daemon.Directory, "ctl-screen.webm");

        var result = Ctl.Recorderctl.Run(["--bus-address", daemon.Address, "record", "--screen", "--window", "--cursor", "metadata",
            "--restore-token", tokenFile, "--duration", "2", "--type", "video/webm;codecs=vp8", "-o", location]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(backend.Selected["types"].GetUInt32(), Is.EqualTo(3u), "monitor and window");
            Assert.That(backend.Selected["cursor_mode"].GetUInt32(), Is.EqualTo(4u), "metadata");
            Assert.That(backend.Selected["persist_mode"].GetUInt32(), Is.EqualTo(2u), "a token that lasts");
            Assert.That(File.Exists(tokenFile) ? File.ReadAllText(tokenFile).Trim() : "", Is.Not.Empty, "the token was written");
        });
        var recorded = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(recorded.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(recorded.Duration, Is.GreaterThan(TimeSpan.FromSeconds(1.8)));
    }

    [Test]
    public void TheReadmesOneLineScreenRecordingHasTheScreenTheDesktopsSoundAndTheMicrophone()
    {
        const string oneLiner = "recorderctl record --screen --desktop-audio --audio pipewire:";
        Assert.That(File.ReadAllText(Path.Combine(ChildProcess.RepositoryRoot, "README.md")), Does.Contain(oneLiner + " "));
        using var speakers = PipeWire.CreateNullSink("recorderd-portal-speakers");
        using var player = PipeWire.PlayInto(speakers.Name, "recorderd-portal-player", frequency: 880);
        using var desktop = StartDesktop("recorderd-portal-one-liner");
        var location = Path.Combine(desktop.Daemon.Directory, "one-liner.webm");

        var result = Ctl.Recorderctl.Run(["--bus-address", desktop.Daemon.Address, .. oneLiner.Split(' ')[1..], "--duration", "2", "-o", location]);
        player.Kill();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var recorded = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        var microphone = MediaProbe.Loudness(location, band: (400, 480)).Skip(3).ToList();
        var desktopSound = MediaProbe.Loudness(location, band: (840, 920)).Skip(3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(recorded.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }), "the screen");
            Assert.That(MediaProbe.VideoFrames(location).Count, Is.GreaterThan(40), "the screen's frames, not one");
            Assert.That(recorded.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), "one audio track, mixed");
            Assert.That(microphone.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 440 Hz microphone (the default input)");
            Assert.That(desktopSound.Min(level => level.RmsDecibels), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 880 Hz desktop");
        });
    }

    [Test]
    public void AUserWhoCancelsGetsNotAllowedError()
    {
        using var desktop = StartDesktop(screenName: null);
        var daemon = desktop.Daemon;
        desktop.Backend.Cancels = true;

        var error = DaemonProcess.ErrorOf(() => GetDisplayMedia(daemon, []));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotAllowedError"));
        Assert.That(error.ErrorMessage, Does.Contain("cancelled"));
    }

    [Test]
    public void WithoutAPortalItIsNotSupportedErrorNamingIt()
    {
        using var daemon = new DaemonProcess();

        var error = DaemonProcess.ErrorOf(() => GetDisplayMedia(daemon, []));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        Assert.That(error.ErrorMessage, Does.Contain("org.freedesktop.portal.Desktop"));
    }

    [Test]
    public void AScreenUriOfNoSessionIsNotFoundErrorAndAnUnknownOptionInvalidArgs()
    {
        using var daemon = new DaemonProcess();

        Assert.Multiple(() =>
        {
            Assert.That(DaemonProcess.ErrorOf(() => daemon.CreateRecorder(["screen:7/42"])).ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"));
            Assert.That(DaemonProcess.ErrorOf(() => GetDisplayMedia(daemon, new Dict<string, VariantValue> { ["region"] = "all" })).ErrorName,
                Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        });
    }

    private static (string[] Sources, Dictionary<string, VariantValue> Info) GetDisplayMedia(DaemonProcess daemon, Dict<string, VariantValue> options) =>
        daemon.CallManager("GetDisplayMedia", static (message, _) =>
        {
            var reader = message.GetBodyReader();
            return (reader.ReadArrayOfString(), reader.ReadDictionaryOfStringToVariantValue());
        }, [options]);

    private static string Busctl(DaemonProcess daemon, string command)
    {
        var (exitCode, output, error) = daemon.Busctl(ReadmeCommands.Arguments(command));
        Assert.That(exitCode, Is.Zero, $"{command}: {error}");
        return output.TrimEnd('\n');
    }

    /// <summary>
    /// The daemon, a fresh 320x240 virtual screen (none for a null <paramref name="screenName"/>), the test's ScreenCast backend
    /// that picks it, and the real portal frontend, started in that order (the backend must own its name first).
    /// </summary>
    private Desktop StartDesktop(string? screenName, params string[] settings)
    {
        var started = new Stack<IDisposable>();
        try
        {
            var daemon = new DaemonProcess(PipeWireEnvironment(), settings);
            started.Push(daemon);
            var backend = new TestScreenCastBackend();
            if (screenName is not null)
            {
                var screen = StartVirtualScreen(screenName, 320, 240, pattern: "ball");
                started.Push(screen);
                backend.Screen = (uint.Parse(screen.Id), 320, 240);
            }

            var backendClient = daemon.Connect();
            started.Push(backendClient);
            backendClient.ServeAsync(backend, TestScreenCastBackend.Name).GetAwaiter().GetResult();
            started.Push(PortalFrontend.Start(daemon.Client, UseThisPipeWire));
            return new Desktop(daemon, backend, started);
        }
        catch
        {
            Desktop.DisposeAll(started);
            throw;
        }
    }

    private Dictionary<string, string?> PipeWireEnvironment() => Variables.ToDictionary(variable => variable.Key, variable => (string?)variable.Value);

    /// <summary>What <see cref="StartDesktop"/> started; disposing stops it all, the portal first.</summary>
    private sealed class Desktop(DaemonProcess daemon, TestScreenCastBackend backend, Stack<IDisposable> started) : IDisposable
    {
        public DaemonProcess Daemon => daemon;

        public TestScreenCastBackend Backend => backend;

        public static void DisposeAll(Stack<IDisposable> started)
        {
            while (started.TryPop(out var next))
            {
                next.Dispose();
            }
        }

        public void Dispose() => DisposeAll(started);
    }
}
