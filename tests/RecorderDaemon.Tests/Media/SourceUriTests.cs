using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

[TestFixture]
public sealed class SourceUriTests
{
    [TestCase("test:audio", TrackKind.Audio)]
    [TestCase("test:audio?wave=ticks&freq=880&duration=250", TrackKind.Audio)]
    [TestCase("test:video?pattern=ball&width=320&height=240&framerate=25", TrackKind.Video)]
    [TestCase("test:audio?freq=20000&duration=2147483647", TrackKind.Audio)]
    [TestCase("test:video?width=3840&height=2160&framerate=120", TrackKind.Video)]
    [TestCase("pipewire:", TrackKind.Audio)]
    [TestCase("v4l2:/dev/video0", TrackKind.Video)]
    [TestCase("desktop-audio:", TrackKind.Audio)]
    [TestCase("desktop-audio:alsa_output.pci-0000_00_1f.3.analog-stereo", TrackKind.Audio)]
    [TestCase("app-audio:firefox", TrackKind.Audio)]
    [TestCase("app-audio:Google%20Chrome", TrackKind.Audio)]
    public void WellFormedUrisSelectASourceOfTheirKind(string uri, TrackKind kind)
    {
        var source = SourceUri.Parse(uri, RecorderHarness.ProbedDevices);
        Assert.That(source.Uri, Is.EqualTo(uri));
        Assert.That(source.Kinds, Is.EquivalentTo(new[] { kind }));
    }

    [TestCase("", "no scheme")]
    [TestCase("audio", "no scheme")]
    [TestCase("rtsp://camera/stream", "unknown scheme 'rtsp'")]
    [TestCase("test:smell", "unknown test source 'smell'")]
    [TestCase("test:audio?wave=square", "wave must be one of")]
    [TestCase("test:audio?freq=loud", "freq must be a number")]
    [TestCase("test:audio?volume=11", "volume must be a number from 0 to 10")]
    [TestCase("desktop-audio:?volume=-1", "volume must be a number from 0 to 10")]
    [TestCase("app-audio:firefox?volume=loud", "volume must be a number from 0 to 10")]
    [TestCase("test:video?volume=1", "unknown query parameter 'volume'")]
    [TestCase("v4l2:/dev/video0?volume=1", "unknown query parameter 'volume'")]
    [TestCase("desktop-audio:?width=640", "unknown query parameter 'width'")]
    [TestCase("test:audio?freq=1&freq=2", "repeated query parameter")]
    [TestCase("test:video?width=-5", "width must be a number")]
    [TestCase("test:video?duration=0", "duration must be a number")]
    [TestCase("test:audio?freq=1000000", "freq must be a number from 0 to 20000")]
    [TestCase("test:audio?duration=2147483648", "duration must be a number from 1 to 2147483647")]
    [TestCase("test:video?width=100000", "width must be a number from 16 to 3840")]
    [TestCase("test:video?height=100000", "height must be a number from 16 to 2160")]
    [TestCase("test:video?framerate=1000", "framerate must be a number from 1 to 120")]
    [TestCase("v4l2:/dev/video0?width=8", "width must be a number from 16 to 3840")]
    [TestCase("pipewire:screen?height=5000", "height must be a number from 16 to 2160")]
    [TestCase("file:///a.webm?framerate=0", "framerate must be a number from 1 to 120")]
    [TestCase("pipewire:?width=640", "default audio input")]
    [TestCase("v4l2:/dev/video0?pattern=ball", "unknown query parameter 'pattern'")]
    [TestCase("v4l2:video0", "absolute path")]
    [TestCase("pipewire:x ! filesink location=/etc/y", "without spaces")]
    [TestCase("desktop-audio:x ! filesink location=/etc/y", "without spaces")]
    [TestCase("app-audio:x ! filesink location=/etc/y", "percent-encoded")]
    [TestCase("app-audio:", "percent-encoded")]
    [TestCase("app-audio:%0A", "no control characters")]
    [TestCase("app-audio:%20", "not blank")]
    [TestCase("file:relative/path.webm", "file:///ABSOLUTE/PATH")]
    [TestCase("file://host/share/a.webm", "file:///ABSOLUTE/PATH")]
    public void MalformedUrisAreRejectedWithAReason(string uri, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => SourceUri.Parse(uri, RecorderHarness.ProbedDevices));
        Assert.That(error!.Message, Does.Contain(reason).And.Contain($"'{uri}'"));
    }

    [TestCase("pipewire:screen?width=1280&height=720&framerate=30", 1280, 720, 30)]
    [TestCase("v4l2:/dev/video0?width=640", 640, null, null)]
    [TestCase("file:///a.webm?framerate=10&height=480", null, 480, 10)]
    [TestCase("pipewire:screen", null, null, null)]
    public void EveryVideoSourceTakesWidthHeightAndFramerate(string uri, int? width, int? height, int? framerate)
    {
        var source = SourceUri.Parse(uri, RecorderHarness.ProbedDevices);

        Assert.That(source.Video, Is.EqualTo(new VideoConstraints(width, height, framerate)));
        Assert.That(source.NominalFramerate, Is.EqualTo(framerate ?? 30));
    }

    [TestCase("test:audio?volume=0.5", 0.5)]
    [TestCase("pipewire:?volume=2", 2.0)]
    [TestCase("desktop-audio:?volume=0", 0.0)]
    [TestCase("desktop-audio:speakers?volume=1.5", 1.5)]
    [TestCase("app-audio:Google%20Chrome?volume=10", 10.0)]
    [TestCase("file:///a.webm?width=640&volume=0.25", 0.25)]
    [TestCase("test:audio", null)]
    public void EveryAudioSourceTakesAVolume(string uri, double? volume)
    {
        var source = SourceUri.Parse(uri, RecorderHarness.ProbedDevices);

        Assert.That(source.Volume, Is.EqualTo(volume));
    }

    [Test]
    public void AFileUrisQueryIsNotPartOfItsPath()
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve("file:///no/such/file.webm?width=640"));

        Assert.That(error!.Message, Does.Contain("'/no/such/file.webm'"));
    }

    [TestCase("v4l2:/dev/no-such-video-device")]
    [TestCase("file:///no/such/file.webm")]
    public void MissingDevicesAndFilesAreNotFound(string uri)
    {
        var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve(uri));
        Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotFoundError));
    }

    [Test]
    public void AFileThatIsNotMediaIsNotSupported()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not media");
        try
        {
            var error = Assert.Throws<RecorderException>(() => RecorderHarness.Resolve(new Uri(path).AbsoluteUri));
            Assert.That(error!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
