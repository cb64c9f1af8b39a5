using RecorderDaemon.Native;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The contract's Ownership section through the real daemon: who owns a recorder, who may control
/// it on a session bus, what happens when its creator leaves, and how a recorder goes away.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OwnershipTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon()
    {
        var output = _daemon.Output;
        _daemon.Dispose();
        Assert.That(output, Does.Not.Contain("Unhandled exception"), "the daemon logged a crash");
    }

    [Test]
    public void OwnerIsTheUniqueNameOfTheCreatingConnection()
    {
        using var other = _daemon.Connect();
        var mine = _daemon.CreateRecorder(AudioVideo);
        var theirs = _daemon.CreateRecorder(other, AudioVideo);

        Assert.That(Property(mine, "Owner").GetString(), Is.EqualTo(_daemon.Client.UniqueName));
        Assert.That(Property(theirs, "Owner").GetString(), Is.EqualTo(other.UniqueName));
        Destroy(mine);
        Destroy(theirs);
    }

    [Test]
    public void AnotherConnectionOfTheSameUserControlsTheRecorderOnASessionBus()
    {
        using var other = _daemon.Connect();
        var path = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u]);

        _daemon.CallRecorder(path, "Pause", client: other);
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("paused"));
        _daemon.CallRecorder(path, "Resume", client: other);
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("recording"));
        _daemon.CallRecorder(path, "Stop", client: other);
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        Destroy(path);
    }

    [Test]
    public void WithStopOnDisconnectTheRecorderIsFinalizedAndRemovedWhenItsOwnerLeaves()
    {
        var location = Path.Combine(_daemon.Directory, "stop-on-disconnect.webm");
        var other = _daemon.Connect();
        var path = _daemon.CreateRecorder(other, AudioVideo, ("stopOnDisconnect", true), ("location", location));
        using var removed = WatchRemoval(path);
        _daemon.CallRecorder(path, "Start", [0u], other);
        Thread.Sleep(1000);

        other.Dispose();

        Assert.That(removed.Task.Wait(TimeSpan.FromSeconds(15)), Is.True, "InterfacesRemoved for the recorder");
        Assert.That(_daemon.ManagedPaths(), Does.Not.Contain(path));
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Seekable, Is.True, "finalized: the muxer wrote duration and cues");
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.5));
    }

    [Test]
    public void WithoutStopOnDisconnectTheRecordingOutlivesItsCreatorsConnection()
    {
        var other = _daemon.Connect();
        var path = _daemon.CreateRecorder(other, AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u], other);

        other.Dispose();
        Thread.Sleep(500);

        Assert.That(_daemon.RecorderState(path), Is.EqualTo("recording"));
        Assert.That(_daemon.ManagedPaths(), Does.Contain(path));
        Destroy(path);
    }

    [Test]
    public void ARecordingStartedByBusctlCallsThatExitAtOnceKeepsRecordingUntilBusctlStopsIt()
    {
        var created = _daemon.Busctl("call", "io.github.recorderd", "/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder",
            "asa{sv}", "2", "test:audio", "test:video?width=160&height=120", "0");
        Assert.That(created.ExitCode, Is.Zero, created.Error);
        var path = created.Output.Trim().Split(' ')[1].Trim('"');
        var started = _daemon.Busctl("call", "io.github.recorderd", path, Recorder, "Start", "u", "0");
        Assert.That(started.ExitCode, Is.Zero, started.Error);

        Thread.Sleep(1000);
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("recording"), "busctl's connections are gone, the recording is not");

        var stopped = _daemon.Busctl("call", "io.github.recorderd", path, Recorder, "Stop");
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Error);
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        var info = Discover(path);
        Assert.That(info.Seekable, Is.True);
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.5));
        Destroy(path);
    }

    [Test]
    public void DestroyWhileRecordingFinalizesTheFileEmitsNothingMoreAndRemovesTheObject()
    {
        using var monitor = new BusMonitor(_daemon);
        var path = _daemon.CreateRecorder(AudioVideo);
        using var removed = WatchRemoval(path);
        _daemon.CallRecorder(path, "Start", [200u]);
        Poll.Until(() => monitor.TrafficOf(path).Contains("DataAvailable"));
        var location = Property(path, "Location").GetString();

        _daemon.CallRecorder(path, "Destroy");
        Thread.Sleep(300);

        var afterDestroy = monitor.TrafficOf(path).SkipWhile(entry => entry != "call:Destroy").ToList();
        Assert.That(afterDestroy, Has.None.AnyOf("Stopped", "DataAvailable", "Error", "Started", "Paused", "Resumed"), string.Join(", ", afterDestroy));
        Assert.That(afterDestroy, Does.Contain("reply:Destroy"));
        Assert.That(removed.Task.IsCompletedSuccessfully, Is.True, "InterfacesRemoved came before the reply");
        Assert.That(_daemon.ManagedPaths(), Does.Not.Contain(path));
        var error = Assert.Throws<DBusErrorReplyException>(() => _daemon.CallRecorder(path, "Stop"))!;
        Assert.That(error.ErrorName, Is.AnyOf("org.freedesktop.DBus.Error.UnknownObject", "org.freedesktop.DBus.Error.UnknownMethod"), error.ErrorMessage);
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.Seekable, Is.True, "finalized");
        Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
    }

    [Test]
    public void StartingAgainAfterStopWritesANewFile()
    {
        var path = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(path, "Start", [0u]);
        Thread.Sleep(500);
        _daemon.CallRecorder(path, "Stop");
        var first = Property(path, "Location").GetString();

        _daemon.CallRecorder(path, "Start", [0u]);
        var second = Property(path, "Location").GetString();
        Thread.Sleep(500);
        _daemon.CallRecorder(path, "Stop");

        Assert.That(second, Is.Not.EqualTo(first));
        foreach (var location in new[] { first, second })
        {
            var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }), location);
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), location);
            Assert.That(info.Duration.TotalSeconds, Is.EqualTo(0.5).Within(0.35), location);
        }

        Destroy(path);
    }

    private VariantValue Property(string path, string name) => _daemon.GetProperty(path, Recorder, name);

    private MediaInfo Discover(string path) =>
        GstDiscoverer.Discover(new Uri(Property(path, "Location").GetString()).AbsoluteUri, TimeSpan.FromSeconds(10));

    private void Destroy(string path) => _daemon.CallRecorder(path, "Destroy");

    /// <summary>Completes when ObjectManager announces that <paramref name="path"/> is gone; dispose to unsubscribe.</summary>
    private Removal WatchRemoval(string path)
    {
        var removal = new Removal();
        var rule = new MatchRule
        {
            Type = MessageType.Signal, Interface = "org.freedesktop.DBus.ObjectManager", Member = "InterfacesRemoved", Path = "/io/github/recorderd",
        };
        removal.Subscription = _daemon.Client.WatchSignalsAsync(rule, Replies.ObjectPath, removed =>
            {
                if (removed == path)
                {
                    removal.Completion.TrySetResult();
                }
            }).GetAwaiter().GetResult();
        return removal;
    }

    private sealed class Removal : IDisposable
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => Completion.Task;

        public IDisposable? Subscription { get; set; }

        public void Dispose() => Subscription?.Dispose();
    }
}
