using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The recording indicator: a StatusNotifierItem registered with the panel's watcher while a recording runs, naming it,
/// whose Activate stops it, gone (its name released) when the recording ends; without a watcher recording goes on.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IndicatorTests
{
    private const string Item = "org.kde.StatusNotifierItem";

    [Test]
    public async Task ARecordingRegistersAnItemNamingItAndActivateStopsIt()
    {
        using var daemon = new DaemonProcess();
        using var desktop = await FakeDesktop.StartAsync(daemon);
        var location = Path.Combine(daemon.Directory, "indicated.webm");
        var path = daemon.CreateRecorder(["test:audio"], ("location", location));
        using var itemSignals = new SignalLog(daemon, Item, "/StatusNotifierItem");

        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => desktop.Registered.Count == 1, "the item's registration");
        var service = desktop.Registered[0];
        Thread.Sleep(2200); // Duration is refreshed each second

        Assert.That(service, Does.Match($@"^{Item}-\d+-1$"));
        Assert.That((await Get(desktop, service, "Title")).GetString(), Is.EqualTo("Recording"));
        Assert.That((await Get(desktop, service, "Status")).GetString(), Is.EqualTo("Active"));
        var toolTip = (await Get(desktop, service, "ToolTip")).GetItem(3).GetString();
        Assert.That(toolTip, Does.Match(@"^indicated\.webm: 0:00:0[1-3]\n"), "the recording and its running time");
        Assert.That(itemSignals.Members.Count(member => member == "NewToolTip"), Is.GreaterThanOrEqualTo(1), "the running time is announced each second");

        await desktop.Connection.CallAsync(service, "/StatusNotifierItem", Item, "Activate", [0, 0]);
        Poll.Until(() => daemon.RecorderState(path) == "inactive", "the recording stopped");
        await Poll.UntilAsync(async () => !await desktop.Connection.NameHasOwnerAsync(service), "the item's name released");
        Assert.That(RecorderDaemon.Native.GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10)).Seekable, Is.True);
    }

    [Test]
    public async Task AWatcherThatStartsDuringTheRecordingIsRegisteredWith()
    {
        using var daemon = new DaemonProcess();
        var path = daemon.CreateRecorder(["test:audio"]);
        daemon.CallRecorder(path, "Start", [0u]);
        Poll.Until(() => daemon.Output.Contains("No recording indicator in the panel"), "the first registration's failure");

        using var desktop = await FakeDesktop.StartAsync(daemon);

        Poll.Until(() => desktop.Registered.Count == 1, "the registration with the panel that came");
        Assert.That(desktop.Registered[0], Does.Match($@"^{Item}-\d+-1$"));
        daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void WithoutAWatcherRecordingGoesOnAndItIsLoggedOnce()
    {
        using var daemon = new DaemonProcess();

        for (var i = 0; i < 2; i++)
        {
            var path = daemon.CreateRecorder(["test:audio"]);
            daemon.CallRecorder(path, "Start", [0u]);
            Thread.Sleep(500);
            daemon.CallRecorder(path, "Stop");
            Assert.That(File.Exists(daemon.GetProperty(path, "io.github.recorderd.MediaRecorder1", "Location").GetString()));
        }

        Poll.Until(() => daemon.Output.Contains("No recording indicator in the panel"), "the log line");
        Assert.That(daemon.Output.Split("No recording indicator in the panel").Length - 1, Is.EqualTo(1), daemon.Output);
    }

    private static Task<VariantValue> Get(FakeDesktop desktop, string service, string property) => desktop.Connection.CallAsync(
        service, "/StatusNotifierItem", "org.freedesktop.DBus.Properties", "Get", [Item, property], static (message, _) => message.GetBodyReader().ReadVariantValue());
}
