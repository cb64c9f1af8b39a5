using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// On the system bus, without configured directories, a recording without <c>location</c> goes to its owner's own
/// XDG directories under the home directory of its account, made as the owner; an owner without a home must name one.
/// The account is a user the test adds (<c>useradd</c>) with a home in a temp directory, removed afterwards.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DefaultDirectoryTests
{
    private const string AccountName = "recorderd-test";

    private DaemonProcess _daemon = null!;
    private string _home = "";
    private string[] _asAccount = [];

    [OneTimeSetUp]
    public void AddAccountAndStartDaemon()
    {
        _daemon = SystemBusDaemon.StartWithNogroupRecording("--Recorderd:VideosDirectory=", "--Recorderd:MusicDirectory=");
        _home = Directory.CreateTempSubdirectory("recorderd-home-").FullName;
        ChildProcess.Run(new System.Diagnostics.ProcessStartInfo("userdel", [AccountName]), TimeSpan.FromSeconds(30));
        ChildProcess.Succeed("useradd", "--home-dir", _home, "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", AccountName);
        ChildProcess.Succeed("chown", $"{AccountName}:{AccountName}", _home);
        var uid = ChildProcess.Succeed("id", "-u", AccountName).Trim();
        var gid = ChildProcess.Succeed("id", "-g", AccountName).Trim();
        _asAccount = ["setpriv", $"--reuid={uid}", $"--regid={gid}", "--groups=65534"];
    }

    [OneTimeTearDown]
    public void RemoveAccountAndStopDaemon()
    {
        _daemon?.Dispose();
        ChildProcess.Run(new System.Diagnostics.ProcessStartInfo("userdel", [AccountName]), TimeSpan.FromSeconds(30));
        Directory.Delete(_home, recursive: true);
    }

    [Test]
    public void ARecordingWithVideoGoesToTheOwnersVideosDirectoryMadeAsTheOwner()
    {
        var caller = new CallerCalls(_daemon, _asAccount);
        var recorder = caller.CreatedRecorder(["test:video?duration=500"]);

        caller.Record(recorder, TimeSpan.FromSeconds(1));

        var directory = Path.Combine(_home, "Videos", "recorderd");
        var file = Directory.GetFiles(directory).Single();
        Assert.That(Path.GetFileName(file), Does.Match(@"^Recording \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\.webm$"));
        Assert.That(FileOwner.Of(file), Is.EqualTo(FileOwner.Of(_home)));
        Assert.That(FileOwner.Of(Path.Combine(_home, "Videos")), Is.EqualTo(FileOwner.Of(_home)));
        Assert.That(GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10)).VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
    }

    [Test]
    public void TheOwnersUserDirsFileChoosesItsMusicDirectory()
    {
        var config = Path.Combine(_home, ".config");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "user-dirs.dirs"), "XDG_MUSIC_DIR=\"$HOME/Sounds\"\n");
        var caller = new CallerCalls(_daemon, _asAccount);
        var recorder = caller.CreatedRecorder(["test:audio?duration=500"]);

        caller.Record(recorder, TimeSpan.FromSeconds(1));

        Assert.That(Directory.GetFiles(Path.Combine(_home, "Sounds", "recorderd")), Has.Length.EqualTo(1));
    }

    [Test]
    public void AnOwnerWithoutAHomeMustNameItsOutput()
    {
        var refused = new CallerCalls(_daemon, SystemBusDaemon.NobodyInNogroup).CreateRecorder(["test:audio"]);

        Assert.That(refused.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"), refused.Error);
        Assert.That(refused.Error, Does.Contain("option 'location' or 'outputFd' is required"));
    }
}
