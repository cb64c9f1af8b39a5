using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>
/// Switching file-system credentials changes the calling thread only, and only while the work runs: the trap this
/// avoids is glibc's setuid()/setgroups(), which change every thread of the daemon. Needs root, as CI has.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ThreadCredentialsTests() : WorkDirectoryFixture("recorderd-credentials-")
{
    private static readonly UnixCredentials Nobody = new(65534, 65534, [65534]);

    [SetUp]
    public void RequireRoot()
    {
        RootOnly.Require("only root may take another user's credentials");

        File.SetUnixFileMode(WorkDirectory, (UnixFileMode)0b111_101_101);
    }

    [Test]
    public void WorkRunsWithTheUsersRightsAndCreatesFilesTheUserOwns()
    {
        var shared = Directory.CreateDirectory(Path.Combine(WorkDirectory, "shared")).FullName;
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);

        var denied = Assert.Throws<UnixErrorException>(() => ThreadCredentials.RunAs(Nobody, () => UnixFiles.CreateNew(Path.Combine(WorkDirectory, "x"))));
        ThreadCredentials.RunAs(Nobody, () => UnixFiles.CreateNew(Path.Combine(shared, "x"))).Dispose();

        Assert.That(denied!.IsDenied, Is.True, denied.Message);
        Assert.That(Path.Combine(WorkDirectory, "x"), Does.Not.Exist);
        Assert.That(FileOwner.UserAndGroupOf(Path.Combine(shared, "x")), Is.EqualTo("65534:65534"));
    }

    [Test]
    public void OtherThreadsKeepTheDaemonsRightsWhileOneThreadActsAsTheUser()
    {
        using var switched = new ManualResetEventSlim();
        using var checkedElsewhere = new ManualResetEventSlim();
        var asUser = Task.Factory.StartNew(() => ThreadCredentials.RunAs(Nobody, () =>
        {
            switched.Set();
            checkedElsewhere.Wait(TimeSpan.FromSeconds(10));
            return 0;
        }), TaskCreationOptions.LongRunning);
        switched.Wait(TimeSpan.FromSeconds(10));

        UnixFiles.CreateNew(Path.Combine(WorkDirectory, "by-root")).Dispose();
        checkedElsewhere.Set();
        asUser.Wait();

        Assert.That(FileOwner.Of(Path.Combine(WorkDirectory, "by-root")), Is.Zero);
    }

    [Test]
    public void TheThreadHasItsOwnRightsBackAfterTheWork()
    {
        Exception? asUser = null;
        var thread = new Thread(() =>
        {
            try
            {
                ThreadCredentials.RunAs(Nobody, () => UnixFiles.CreateNew(Path.Combine(WorkDirectory, "a"))).Dispose();
            }
            catch (UnixErrorException exception)
            {
                asUser = exception;
            }

            UnixFiles.CreateNew(Path.Combine(WorkDirectory, "b")).Dispose();
        });

        thread.Start();
        thread.Join();

        Assert.That(asUser, Is.InstanceOf<UnixErrorException>());
        Assert.That(Path.Combine(WorkDirectory, "b"), Does.Exist);
    }
}
