using RecorderDaemon.Client;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Client;

/// <summary>A real daemon on a private bus and one <see cref="RecorderClient"/> connected to it, for a whole fixture.</summary>
[NonParallelizable]
public abstract class DaemonClientFixture
{
    protected DaemonProcess Daemon { get; private set; } = null!;

    protected RecorderClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        Daemon = new DaemonProcess();
        Client = await RecorderClient.ConnectAsync(Daemon.Address);
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await Client.DisposeAsync();
        Daemon.Dispose();
    }
}
