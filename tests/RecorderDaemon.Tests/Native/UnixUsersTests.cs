using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class UnixUsersTests
{
    [Test]
    public void EveryUserHasTheGroupAndHomeGetentReports()
    {
        var users = ChildProcess.Succeed("getent", "passwd").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':')).ToList();

        Assert.That(users.Select(fields => fields[0]), Does.Contain("root"));
        Assert.Multiple(() =>
        {
            foreach (var fields in users)
            {
                var uid = uint.Parse(fields[2]);
                Assert.That(UnixUsers.Find(uid), Is.EqualTo(new UnixUser(fields[0], uid, uint.Parse(fields[3]), fields[5])), fields[0]);
            }
        });
    }

    [Test]
    public void AUidWithoutAnAccountHasNone() => Assert.That(UnixUsers.Find(4_000_000_000), Is.Null);

    [Test]
    public void AUsersGroupsAreTheOnesIdReports()
    {
        var user = UnixUsers.Find(UnixUsers.EffectiveUid)!;
        var expected = ChildProcess.Succeed("id", "-G", user.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(uint.Parse);

        Assert.That(UnixUsers.GroupsOf(user), Is.EquivalentTo(expected));
    }
}
