using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>
/// On the system bus recorderd (root) opens files and devices with the caller's rights, never its own: each attack
/// that a root daemon would otherwise allow a user is refused with NotAllowedError and leaves nothing behind, while
/// what the caller may do itself works and gives files the caller owns. The caller is busctl as <c>nobody</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CallerRightsTests
{
    private const string NotAllowed = "io.github.recorderd.Error.NotAllowedError";
    private const uint NobodyUid = 65534;

    private DaemonProcess _daemon = null!;
    private CallerCalls _nobody = null!;
    private string _work = "";

    /// <summary>root's, mode 0755: nobody can read in it but not write.</summary>
    private string RootOnly => Path.Combine(_work, "root-only");

    /// <summary>mode 0777: anyone may make files in it.</summary>
    private string Shared => Path.Combine(_work, "shared");

    [OneTimeSetUp]
    public void StartDaemon()
    {
        _daemon = SystemBusDaemon.StartWithNogroupRecording();
        _nobody = new CallerCalls(_daemon, SystemBusDaemon.NobodyInNogroup);
        _work = Directory.CreateTempSubdirectory("recorderd-rights-").FullName;
        File.SetUnixFileMode(_work, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(RootOnly, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Shared);
        File.SetUnixFileMode(Shared, (UnixFileMode)0b111_111_111);
    }

    [OneTimeTearDown]
    public void StopDaemon()
    {
        _daemon?.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public void AUserCannotCreateALoginScriptThroughLocation()
    {
        var script = $"/etc/profile.d/zz-recorderd-test-{Guid.NewGuid():N}.sh";
        try
        {
            var recorder = _nobody.CreatedRecorder(["test:audio"], "location", "s", script);

            var started = _nobody.Start(recorder);

            Assert.That(started.ErrorName, Is.EqualTo(NotAllowed), started.Error);
            Assert.That(started.Error, Does.Contain(script));
            Assert.That(File.Exists(script), Is.False);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [TestCase("x.webm")]
    [TestCase("new/sub/x.webm")]
    public void ALocationWhereTheCallerCannotWriteIsRefusedAndNothingIsMade(string relative)
    {
        var recorder = _nobody.CreatedRecorder(["test:audio"], "location", "s", Path.Combine(RootOnly, relative));

        var started = _nobody.Start(recorder);

        Assert.That(started.ErrorName, Is.EqualTo(NotAllowed), started.Error);
        Assert.That(Path.Combine(RootOnly, relative.Split('/')[0]), Does.Not.Exist);
    }

    [Test]
    public void ALocationTheCallerMayWriteGivesAPlayableFileAndDirectoriesTheCallerOwns()
    {
        var location = Path.Combine(Shared, "made", "by-nobody.webm");
        var recorder = _nobody.CreatedRecorder(["test:audio"], "location", "s", location);

        _nobody.Record(recorder, TimeSpan.FromSeconds(1));

        Assert.That(FileOwner.Of(location), Is.EqualTo(NobodyUid));
        Assert.That(FileOwner.Of(Path.GetDirectoryName(location)!), Is.EqualTo(NobodyUid));
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
        Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1).Within(0.6));
    }

    [Test]
    public void ASymbolicLinkInTheFilesPlaceIsNotFollowed()
    {
        var link = Path.Combine(Shared, "link.webm");
        var target = Path.Combine(RootOnly, "target.webm");
        File.CreateSymbolicLink(link, target);
        var recorder = _nobody.CreatedRecorder(["test:audio"], "location", "s", link);

        _nobody.Record(recorder, TimeSpan.FromMilliseconds(500));

        Assert.That(File.Exists(target), Is.False);
        Assert.That(FileOwner.Of(Path.Combine(Shared, "link (2).webm")), Is.EqualTo(NobodyUid), "the recording goes beside the link, as beside any existing file");
    }

    [Test]
    public void AFileSourceTheCallerCannotReadIsRefusedAndOneItCanReadIsRecorded()
    {
        var media = Path.Combine(RootOnly, "private.webm");
        MakeMediaFile(media);
        File.SetUnixFileMode(media, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var refused = _nobody.CreateRecorder([new Uri(media).AbsoluteUri], "location", "s", Path.Combine(Shared, "stolen.webm"));
        File.SetUnixFileMode(media, (UnixFileMode)0b110_100_100);
        var allowed = _nobody.CreateRecorder([new Uri(media).AbsoluteUri], "location", "s", Path.Combine(Shared, "copied.webm"));

        Assert.That(refused.ErrorName, Is.EqualTo(NotAllowed), refused.Error);
        Assert.That(refused.Error, Does.Contain(media));
        Assert.That(allowed.ExitCode, Is.Zero, allowed.Error);
        Assert.That(File.Exists(Path.Combine(Shared, "stolen.webm")), Is.False);
    }

    [Test]
    public void AV4l2DeviceTheCallerCannotOpenIsRefusedAndOneItCanIsUsed()
    {
        var device = Path.Combine(RootOnly, "video-test");
        ChildProcess.Succeed("mknod", "-m", "0600", device, "c", "81", "250");

        var link = Path.Combine(Shared, "camera");
        File.CreateSymbolicLink(link, device);

        var refused = _nobody.CreateRecorder([$"v4l2:{device}"]);
        var refusedThroughLink = _nobody.CreateRecorder([$"v4l2:{link}"]);
        File.SetUnixFileMode(device, (UnixFileMode)0b110_110_110);
        var allowed = _nobody.CreateRecorder([$"v4l2:{device}"]);

        Assert.That(refused.ErrorName, Is.EqualTo(NotAllowed), refused.Error);
        Assert.That(refused.Error, Does.Contain(device));
        Assert.That(refusedThroughLink.ErrorName, Is.EqualTo(NotAllowed), refusedThroughLink.Error);
        Assert.That(allowed.ExitCode, Is.Zero, allowed.Error);
    }

    [Test]
    public void ADeviceThatDoesNotExistIsNotFoundNotRefused()
    {
        var missing = _nobody.CreateRecorder([$"v4l2:{Path.Combine(RootOnly, "no-such-device")}"]);

        Assert.That(missing.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotFoundError"), missing.Error);
    }

    [Test]
    public void RootMayRecordAFileOnlyRootCanRead()
    {
        var media = Path.Combine(RootOnly, "roots.webm");
        MakeMediaFile(media);
        File.SetUnixFileMode(media, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var created = new CallerCalls(_daemon, []).CreateRecorder([new Uri(media).AbsoluteUri]);

        Assert.That(created.ExitCode, Is.Zero, created.Error);
    }

    private static void MakeMediaFile(string path) =>
        ChildProcess.Succeed("gst-launch-1.0", "-q", "audiotestsrc", "num-buffers=50", "!", "opusenc", "!", "webmmux", "!", "filesink", $"location={path}");
}
