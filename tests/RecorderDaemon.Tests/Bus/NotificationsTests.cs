namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The end of a recording on the desktop: a notification naming the file with "Open" and "Show in folder", which reach
/// the portal and the file manager; errors are notified too; option <c>notify</c> turns it off; without a server recording
/// goes on, logged once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NotificationsTests
{
    private static readonly string[] OpenAndShow = ["open", "Open", "show", "Show in folder"];

    [Test]
    public async Task AFinishedRecordingIsNotifiedAndItsActionsOpenAndShowTheFile()
    {
        using var daemon = new DaemonProcess();
        using var desktop = await FakeDesktop.StartAsync(daemon);
        var file = Record(daemon);

        Poll.Until(() => desktop.Notifications.Count > 0, "the notification");
        var notification = desktop.Notifications.Single();
        Assert.That((notification.Application, notification.Summary, notification.Body), Is.EqualTo(("recorderd", "Recording saved", file)));
        Assert.That(notification.Actions, Is.EqualTo(OpenAndShow));

        desktop.Invoke(notification.Id, "show");
        desktop.Invoke(notification.Id, "open");
        Poll.Until(() => desktop.Shown.Count == 1 && desktop.Opened.Count == 1, "the file shown and opened");
        Assert.That(desktop.Shown, Is.EqualTo(new[] { new Uri(file).AbsoluteUri }));
        Assert.That(desktop.Opened, Is.EqualTo(new[] { new Uri(file).AbsoluteUri }));
    }

    [Test]
    public async Task AFailedRecordingIsNotifiedWithItsError()
    {
        using var daemon = new DaemonProcess();
        using var desktop = await FakeDesktop.StartAsync(daemon);
        var path = daemon.CreateRecorder(["test:audio"], ("location", Path.Combine(daemon.Directory, "changed.webm")));
        daemon.CallRecorder(path, "Start", [0u]);
        Thread.Sleep(500);
        daemon.CallRecorder(path, "AddSource", ["test:video"]);

        Poll.Until(() => desktop.Notifications.Count > 0, "the notification");
        var notification = desktop.Notifications.Single();
        Assert.That(notification.Summary, Is.EqualTo("Recording failed"));
        Assert.That(notification.Body, Does.Contain("InvalidModificationError: the stream's track set changed while recording"));
    }

    [Test]
    public async Task NotifyFalseTurnsItOffForTheRecorder()
    {
        using var daemon = new DaemonProcess();
        using var desktop = await FakeDesktop.StartAsync(daemon);
        Record(daemon, ("notify", false));
        Record(daemon);

        Poll.Until(() => desktop.Notifications.Count > 0, "the second recorder's notification");
        Thread.Sleep(300);
        Assert.That(desktop.Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public void WithoutANotificationServerRecordingGoesOnAndItIsLoggedOnce()
    {
        using var daemon = new DaemonProcess();

        var files = new[] { Record(daemon), Record(daemon) };

        Assert.That(files.Select(File.Exists), Is.All.True);
        Poll.Until(() => daemon.Output.Contains("no notification server answered"), "the log line");
        Thread.Sleep(300);
        Assert.That(daemon.Output.Split("no notification server answered").Length - 1, Is.EqualTo(1), daemon.Output);
    }

    /// <summary>Records a second of audio and destroys the recorder; returns the file.</summary>
    private static string Record(DaemonProcess daemon, params (string Key, Tmds.DBus.Protocol.VariantValue Value)[] options)
    {
        var path = daemon.CreateRecorder(["test:audio"], options);
        daemon.CallRecorder(path, "Start", [0u]);
        Thread.Sleep(1000);
        daemon.CallRecorder(path, "Stop");
        var file = daemon.GetProperty(path, "io.github.recorderd.MediaRecorder1", "Location").GetString();
        daemon.CallRecorder(path, "Destroy");
        return file;
    }
}
