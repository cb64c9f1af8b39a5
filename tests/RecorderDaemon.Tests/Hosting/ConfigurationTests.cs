using Tmds.DBus.Protocol;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Hosting;

/// <summary>Defaults &lt; <c>$XDG_CONFIG_HOME/recorderd/recorderd.json</c> &lt; environment &lt; command line, seen by a client; bad values stop the start.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ConfigurationTests() : WorkDirectoryFixture("recorderd-config-")
{
    private const string QuotaExceeded = "io.github.recorderd.Error.QuotaExceededError";
    private const int ConfigurationError = 78;

    [TestCase(false, false, 3, TestName = "The JSON file sets MaxRecordersPerClient")]
    [TestCase(true, false, 2, TestName = "An environment variable overrides the JSON file")]
    [TestCase(true, true, 1, TestName = "The command line overrides the environment and the JSON file")]
    public void MaxRecordersPerClientComesFromTheLastSourceThatSetsIt(bool environment, bool commandLine, int expected)
    {
        WriteConfigFile("""{ "Recorderd": { "MaxRecordersPerClient": 3 } }""");
        var variables = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = WorkDirectory };
        if (environment)
        {
            variables["Recorderd__MaxRecordersPerClient"] = "2";
        }

        using var daemon = new DaemonProcess(variables, commandLine ? ["--Recorderd:MaxRecordersPerClient=1"] : []);

        Assert.That(RecordersBeforeQuotaExceeded(daemon), Is.EqualTo(expected));
    }

    [TestCase("--Recorderd:MaxConcurrentRecordings=-1", "Recorderd:MaxConcurrentRecordings")]
    [TestCase("--Recorderd:StopTimeoutSeconds=soon", "Recorderd:StopTimeoutSeconds")]
    [TestCase("--Recorderd:IdleExitSeconds=-5", "Recorderd:IdleExitSeconds")]
    [TestCase("--Recorderd:MaxRecorderPerClient=2", "MaxRecorderPerClient")]
    [TestCase("--Recorderd:RecordGroup=", "Recorderd:RecordGroup")]
    [TestCase("--Recorderd:MinimumFreeSpaceBytes=-1", "Recorderd:MinimumFreeSpaceBytes")]
    [TestCase("--Recorderd:Profiles:talk:Location=%q.webm", "Recorderd:Profiles:talk: option 'location' has an unknown code '%q'")]
    [TestCase("--Recorderd:Profiles:talk:LevelInterval=5", "Recorderd:Profiles:talk: option 'levelInterval'")]
    [TestCase("--Recorderd:Profiles:talk:Colour=red", "Colour")]
    public void AnInvalidSettingStopsTheStartNamingTheKey(string setting, string key)
    {
        var exited = Assert.Throws<DaemonExitedException>(() => new DaemonProcess(setting).Dispose())!;

        Assert.That(exited.ExitCode, Is.EqualTo(ConfigurationError), exited.Output);
        Assert.That(exited.Output, Does.Contain("Invalid configuration").And.Contain(key));
    }

    [Test]
    public void AnInvalidValueFromTheEnvironmentStopsTheStartNamingTheKey()
    {
        var variables = new Dictionary<string, string?> { ["Recorderd__ShutdownTimeoutSeconds"] = "0" };

        var exited = Assert.Throws<DaemonExitedException>(() => new DaemonProcess(variables).Dispose())!;

        Assert.That(exited.ExitCode, Is.EqualTo(ConfigurationError), exited.Output);
        Assert.That(exited.Output, Does.Contain("Recorderd:ShutdownTimeoutSeconds"));
    }

    [Test]
    public void AnUnparsableConfigFileStopsTheStartNamingTheFile()
    {
        var file = WriteConfigFile("""{ "Recorderd": { "MaxRecordersPerClient": """);

        var exited = Assert.Throws<DaemonExitedException>(() =>
            new DaemonProcess(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = WorkDirectory }).Dispose())!;

        Assert.That(exited.ExitCode, Is.EqualTo(ConfigurationError), exited.Output);
        Assert.That(exited.Output, Does.Contain(file));
    }

    private string WriteConfigFile(string json)
    {
        var file = Path.Combine(WorkDirectory, "recorderd", "recorderd.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json);
        return file;
    }

    private static int RecordersBeforeQuotaExceeded(DaemonProcess daemon)
    {
        for (var created = 0; created < 10; created++)
        {
            try
            {
                daemon.CreateRecorder(["test:audio"]);
            }
            catch (DBusErrorReplyException error) when (error.ErrorName == QuotaExceeded)
            {
                return created;
            }
        }

        Assert.Fail("no QuotaExceededError after 10 recorders");
        return -1;
    }
}
