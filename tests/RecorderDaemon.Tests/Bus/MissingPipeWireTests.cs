namespace RecorderDaemon.Tests.Bus;

/// <summary>A daemon that cannot reach any PipeWire (as on a server or in CI) refuses <c>pipewire:</c> sources up front.</summary>
[TestFixture]
[NonParallelizable]
public sealed class MissingPipeWireTests
{
    [TestCase("pipewire:", "no PipeWire audio input")]
    [TestCase("pipewire:some-node", "'some-node'")]
    public void APipeWireSourceIsNotFoundErrorSayingWhat(string uri, string named)
    {
        var runtimeDirectory = Directory.CreateTempSubdirectory("recorderd-no-pipewire-").FullName;
        try
        {
            using var daemon = new DaemonProcess(new Dictionary<string, string?>
            {
                ["XDG_RUNTIME_DIR"] = runtimeDirectory,
                ["PIPEWIRE_RUNTIME_DIR"] = null,
                ["PIPEWIRE_REMOTE"] = null,
            });

            var error = DaemonProcess.ErrorOf(() => daemon.CreateRecorder([uri]));

            Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"));
            Assert.That(error.Message, Does.Contain(named));
            Assert.That(daemon.Files(), Is.Empty);
        }
        finally
        {
            Directory.Delete(runtimeDirectory, recursive: true);
        }
    }
}
