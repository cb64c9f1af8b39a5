namespace RecorderDaemon.Tests.Ctl;

/// <summary><c>--help</c> needs no daemon, exits 0 and documents what scripts rely on.</summary>
[TestFixture]
public sealed class RecorderctlHelpTests
{
    [Test]
    public void TheRootHelpListsTheExitCodesAndExamples()
    {
        var result = Recorderctl.Run(["--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var help = result.Output.Select(line => line.Trim()).ToList();
        Assert.That(help, Does.Contain("Exit codes:").And.Contain("Examples:"));
        Assert.That(help, Does.Contain("0  success"));
        Assert.That(help, Has.Some.StartWith("1  the daemon refused the request"));
        Assert.That(help, Has.Some.StartWith("2  the command line is wrong"));
        Assert.That(help, Has.Some.StartWith("3  record: the recording failed or was destroyed by another client"));
        Assert.That(help, Has.Some.StartWith("4  recorderd cannot be reached"));
        Assert.That(help, Has.Some.StartWith("recorderctl stop --all"));
    }

    [TestCase("record")]
    [TestCase("start")]
    [TestCase("stop")]
    [TestCase("pause")]
    [TestCase("resume")]
    [TestCase("destroy")]
    [TestCase("list")]
    [TestCase("status")]
    [TestCase("watch")]
    [TestCase("devices")]
    [TestCase("types")]
    public void EveryCommandHasItsOwnHelp(string command)
    {
        var result = Recorderctl.Run([command, "--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var help = result.Output.Select(line => line.Trim()).ToList();
        Assert.That(help, Has.Some.StartWith($"recorderctl {command} "), "its usage line");
        Assert.That(help, Has.Some.StartWith("--bus-address <ADDRESS>"), "the bus options apply to every command");
    }
}
