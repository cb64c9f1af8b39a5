using RecorderDaemon.Client;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Client;

/// <summary>The <see cref="MediaRecorder"/> proxy against the real daemon on a private bus.</summary>
[TestFixture]
public sealed class MediaRecorderTests : DaemonClientFixture
{
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];
    private static readonly MediaRecorderOptions WebM = new() { MimeType = "video/webm" };
    [Test]
    public async Task EventsComeInTheSpecsOrderAndStopReturnsAfterStopped()
    {
        await using var recorder = await Client.CreateRecorderAsync(AudioVideo, WebM);
        var log = new RecorderEventLog(recorder);

        await recorder.StartAsync(timeslice: 100);
        await log.WaitForAsync("DataAvailable", count: 3);
        await recorder.StopAsync();

        var events = log.Events;
        Assert.That(events[0], Is.EqualTo("Started"));
        Assert.That(events[^1], Is.EqualTo("Stopped"), "StopAsync returned before Stopped was raised");
        Assert.That(events.Skip(1).SkipLast(1), Is.All.EqualTo("DataAvailable"));
        var chunks = log.Chunks;
        Assert.That(chunks[0].TimecodeMs, Is.Zero);
        Assert.That(chunks.Zip(chunks.Skip(1)), Has.All.Matches<(DataAvailableEventArgs Previous, DataAvailableEventArgs Next)>(pair =>
            pair.Next.Offset == pair.Previous.Offset + pair.Previous.Size && pair.Next.TimecodeMs > pair.Previous.TimecodeMs));
        Assert.That(recorder.BytesWritten, Is.EqualTo(chunks[^1].Offset + chunks[^1].Size));
        Assert.That(new FileInfo(recorder.Location).Length, Is.EqualTo((long)recorder.BytesWritten));
    }

    [Test]
    public async Task PropertiesAreCurrentWhenEachCallReturns()
    {
        await using var recorder = await Client.CreateRecorderAsync(AudioVideo, WebM);
        var log = new RecorderEventLog(recorder);
        var changed = new List<string?>();
        recorder.PropertyChanged += (_, change) =>
        {
            lock (changed)
            {
                changed.Add(change.PropertyName);
            }
        };

        Assert.That((recorder.State, recorder.MimeType, recorder.Sources), Is.EqualTo((RecordingState.Inactive, "video/webm", AudioVideo)));
        await recorder.StartAsync();
        Assert.That(recorder.State, Is.EqualTo(RecordingState.Recording));
        Assert.That(recorder.Location, Does.StartWith(Daemon.Directory).And.EndWith(".webm"));
        await log.WaitForAsync("Started");
        Assert.That(recorder.MimeType, Is.EqualTo("video/webm;codecs=vp8,opus"));
        Assert.That(recorder.Encoders, Is.EquivalentTo(new Dictionary<string, string> { ["audio"] = "opusenc", ["video"] = "vp8enc" }));
        await recorder.PauseAsync();
        Assert.That(recorder.State, Is.EqualTo(RecordingState.Paused));
        await recorder.ResumeAsync();
        Assert.That(recorder.State, Is.EqualTo(RecordingState.Recording));
        await recorder.StopAsync();

        Assert.That((recorder.State, recorder.MimeType), Is.EqualTo((RecordingState.Inactive, "video/webm")));
        Assert.That(log.Events, Is.EqualTo(new[] { "Started", "Paused", "Resumed", "DataAvailable", "Stopped" }));
        lock (changed)
        {
            Assert.That(changed, Is.SupersetOf(new[] { nameof(MediaRecorder.State), nameof(MediaRecorder.MimeType), nameof(MediaRecorder.Location) }));
        }
    }

    [Test]
    public async Task DurationAndBytesWrittenGrowWhileRecording()
    {
        await using var recorder = await Client.CreateRecorderAsync(AudioVideo, WebM);

        await recorder.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var (duration, bytes) = (recorder.Duration, recorder.BytesWritten);
        await recorder.StopAsync();

        Assert.That(duration, Is.GreaterThan(TimeSpan.FromSeconds(1)));
        Assert.That(bytes, Is.GreaterThan(0UL));
        Assert.That(recorder.Duration, Is.GreaterThanOrEqualTo(duration));
    }

    [Test]
    public async Task PausingAnInactiveRecorderIsInvalidStateError()
    {
        await using var recorder = await Client.CreateRecorderAsync(AudioVideo);

        var error = Assert.ThrowsAsync<RecorderClientException>(() => recorder.PauseAsync());

        Assert.That((error!.ErrorName, error.DomExceptionName), Is.EqualTo(("io.github.recorderd.Error.InvalidStateError", "InvalidStateError")));
    }

    [Test]
    public async Task ASecondClientAttachesToARecordingInProgress()
    {
        await using var recorder = await Client.CreateRecorderAsync(["test:audio"], new MediaRecorderOptions { MimeType = "audio/ogg" });
        var creatorsLog = new RecorderEventLog(recorder);
        await recorder.StartAsync();
        await creatorsLog.WaitForAsync("Started");
        await using var other = await RecorderClient.ConnectAsync(Daemon.Address);

        var attached = await other.OpenRecorderAsync(recorder.ObjectPath);
        var log = new RecorderEventLog(attached);
        await recorder.StopAsync();
        await log.WaitForAsync("Stopped");

        Assert.That(attached.Owner, Is.EqualTo(recorder.Owner).And.StartsWith(":"));
        Assert.That(attached.Sources, Is.EqualTo(new[] { "test:audio" }));
        Assert.That(attached.Location, Is.EqualTo(recorder.Location));
        Assert.That(log.Events, Is.EqualTo(new[] { "DataAvailable", "Stopped" }));
        Assert.That(attached.State, Is.EqualTo(RecordingState.Inactive));
    }

    [Test]
    public async Task DestroyRemovesTheRecorder()
    {
        var recorder = await Client.CreateRecorderAsync(AudioVideo);
        await recorder.StartAsync();

        await recorder.DestroyAsync();

        Assert.That(await Client.ListRecordersAsync(), Does.Not.Contain(recorder.ObjectPath));
        var error = Assert.ThrowsAsync<RecorderClientException>(() => Client.OpenRecorderAsync(recorder.ObjectPath));
        Assert.That(error!.DomExceptionName, Is.Null);
    }
}
