using System.Diagnostics;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class UnixGroupsTests
{
    [Test]
    public void EveryGroupHasTheIdGetentReports()
    {
        var (exitCode, output, error) = ChildProcess.Run(new ProcessStartInfo("getent", ["group"]), TimeSpan.FromSeconds(30));
        Assert.That(exitCode, Is.Zero, error);
        var groups = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':')).ToList();

        Assert.That(groups.Select(fields => fields[0]), Does.Contain("root"));
        Assert.Multiple(() =>
        {
            foreach (var fields in groups)
            {
                Assert.That(UnixGroups.IdOf(fields[0]), Is.EqualTo(uint.Parse(fields[2])), fields[0]);
            }
        });
    }

    [Test]
    public void AGroupThatDoesNotExistHasNoId() => Assert.That(UnixGroups.IdOf("recorderd-no-such-group"), Is.Null);
}
