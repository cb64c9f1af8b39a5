using RecorderDaemon.Client;
using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Client;

/// <summary><see cref="RecorderClient"/> against the real daemon on a private bus.</summary>
[TestFixture]
public sealed class RecorderClientTests : DaemonClientFixture
{
    private const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";

    [Test]
    public async Task TypeSupportAgreesWithTheSupportedTypes()
    {
        var supported = await Client.GetSupportedMimeTypesAsync();

        Assert.That(supported, Does.Contain("audio/ogg;codecs=opus"));
        foreach (var type in supported)
        {
            Assert.That(await Client.IsTypeSupportedAsync(type), Is.True, type);
        }

        Assert.That(await Client.IsTypeSupportedAsync("video/x-nope"), Is.False);
    }

    [Test]
    public async Task EncodingInfoAnswersForVideoAndAudio()
    {
        var video = await Client.EncodingInfoAsync("video/webm;codecs=vp8", new VideoEncodingConfiguration(160, 120, 30, Bitrate: 500_000));
        var audio = await Client.EncodingInfoAsync("audio/ogg;codecs=opus");
        var unsupported = await Client.EncodingInfoAsync("audio/webm", new VideoEncodingConfiguration(160, 120, 30));

        Assert.That(video, Is.EqualTo(new EncodingInfo(Supported: true, Smooth: true, PowerEfficient: false)));
        Assert.That(audio, Is.EqualTo(new EncodingInfo(Supported: true, Smooth: true, PowerEfficient: false)));
        Assert.That(unsupported, Is.EqualTo(new EncodingInfo(Supported: false, Smooth: false, PowerEfficient: false)));
    }

    [Test]
    public async Task VersionIsTheDaemons() =>
        Assert.That(await Client.GetVersionAsync(), Does.Match(@"^\d+\.\d+\.\d+"));

    [Test]
    public async Task DevicesAreListedWithTheirKinds()
    {
        var devices = await Client.EnumerateDevicesAsync();

        Assert.That(devices, Is.Not.Null);
        Assert.That(devices.Select(device => device.Kind), Is.All.AnyOf("audioinput", "videoinput"));
    }

    [Test]
    public async Task RecorderAddedAndRemovedReportEveryClientsRecorders()
    {
        var added = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Client.RecorderAdded += (_, recorder) => added.TrySetResult(recorder.ObjectPath);
        Client.RecorderRemoved += (_, recorder) => removed.TrySetResult(recorder.ObjectPath);

        var path = Daemon.CreateRecorder(["test:audio"]);
        Assert.That(await added.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(path));
        Daemon.CallRecorder(path, "Destroy");
        Assert.That(await removed.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(path));
    }

    [Test]
    public async Task AThrowingHandlerIsReportedAndLaterEventsStillCome()
    {
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<RecorderPathEventArgs> throwing = (_, _) => throw new InvalidOperationException("a handler's bug");
        EventHandler<Exception> onFailed = (_, failure) => failed.TrySetResult(failure);
        EventHandler<RecorderPathEventArgs> onRemoved = (_, recorder) => removed.TrySetResult(recorder.ObjectPath);
        Client.RecorderAdded += throwing;
        Client.EventHandlerFailed += onFailed;
        Client.RecorderRemoved += onRemoved;
        try
        {
            var path = Daemon.CreateRecorder(["test:audio"]);
            Assert.That(await failed.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.InstanceOf<InvalidOperationException>());
            Daemon.CallRecorder(path, "Destroy");
            Assert.That(await removed.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(path), "the connection survived the handler");
        }
        finally
        {
            Client.RecorderAdded -= throwing;
            Client.EventHandlerFailed -= onFailed;
            Client.RecorderRemoved -= onRemoved;
        }
    }

    [Test]
    public async Task WatchRecordersSeesTheFirstEventsOfARecorderCreatedAfterwards()
    {
        var events = new List<string>();
        using var watch = await Client.WatchRecordersAsync(signal =>
        {
            lock (events)
            {
                events.Add($"{signal.ObjectPath} {signal.Name} {signal.Arguments.GetType().Name}");
            }
        });

        // Another client creates, starts and stops a recorder at once: nothing it sends may be missed.
        var path = Daemon.CreateRecorder(["test:audio"]);
        Daemon.CallRecorder(path, "Start", [0u]);
        Daemon.CallRecorder(path, "Stop");
        await Client.GetVersionAsync(); // a round trip: every signal sent before its reply has been handled

        lock (events)
        {
            Assert.That(events, Is.EqualTo(new[]
            {
                $"{path} Started EventArgs", $"{path} DataAvailable DataAvailableEventArgs", $"{path} Stopped EventArgs",
            }));
        }

        Daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public async Task CreatedRecordersAreListedUntilDestroyed()
    {
        var recorder = await Client.CreateRecorderAsync(["test:audio"]);

        Assert.That(recorder.ObjectPath, Does.StartWith("/io/github/recorderd/recorder/"));
        Assert.That(await Client.ListRecordersAsync(), Does.Contain(recorder.ObjectPath));
        await recorder.DestroyAsync();
        Assert.That(await Client.ListRecordersAsync(), Does.Not.Contain(recorder.ObjectPath));
    }

    [Test]
    public void AnUnsupportedTypeIsNotSupportedError()
    {
        var error = Assert.ThrowsAsync<RecorderClientException>(() =>
            Client.CreateRecorderAsync(["test:audio"], new MediaRecorderOptions { MimeType = "video/x-nope" }));

        Assert.That((error!.ErrorName, error.DomExceptionName), Is.EqualTo(("io.github.recorderd.Error.NotSupportedError", "NotSupportedError")));
    }

    [Test]
    public void BothKeyFrameIntervalsAreNotSupportedError()
    {
        var error = Assert.ThrowsAsync<RecorderClientException>(() => Client.CreateRecorderAsync(
            ["test:video"], new MediaRecorderOptions { VideoKeyFrameIntervalCount = 10, VideoKeyFrameIntervalDuration = 1000 }));

        Assert.That(error!.DomExceptionName, Is.EqualTo("NotSupportedError"));
    }

    [TestCase("audioBitrateMode")]
    [TestCase("location")]
    public void AMalformedOptionIsInvalidArgsNamingIt(string key)
    {
        // BitrateMode cannot carry a wrong mode, so the options are sent one level down.
        IReadOnlyList<KeyValuePair<string, VariantValue>> options = key == "location"
            ? new MediaRecorderOptions { Location = "take %q.ogg" }.ToEntries()
            : [KeyValuePair.Create("audioBitrateMode", VariantValue.String("loud"))];

        var error = Assert.ThrowsAsync<RecorderClientException>(() => Client.Manager.CreateRecorderAsync(["test:audio"], options, CancellationToken.None));

        Assert.That((error!.ErrorName, error.DomExceptionName), Is.EqualTo((InvalidArgs, (string?)null)));
        Assert.That(error.Message, Does.Contain(key));
    }

    [Test]
    public void AnUnknownOptionKeyIsInvalidArgs()
    {
        // MediaRecorderOptions cannot carry an unknown key, so the call is made one level down.
        var error = Assert.ThrowsAsync<RecorderClientException>(() => Client.Manager.CreateRecorderAsync(
            ["test:audio"], [KeyValuePair.Create("frameRate", VariantValue.UInt32(30))], CancellationToken.None));

        Assert.That((error!.ErrorName, error.DomExceptionName), Is.EqualTo((InvalidArgs, (string?)null)));
        Assert.That(error.Message, Does.Contain("frameRate"));
    }

    [Test]
    public void AMalformedSourceIsInvalidArgs()
    {
        var error = Assert.ThrowsAsync<RecorderClientException>(() => Client.CreateRecorderAsync(["test:nothing"]));

        Assert.That(error!.ErrorName, Is.EqualTo(InvalidArgs));
    }
}
