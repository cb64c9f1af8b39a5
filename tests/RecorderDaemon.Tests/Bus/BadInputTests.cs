using System.Diagnostics;
using RecorderDaemon.Native;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Every error path answers with its exact D-Bus error and harms nothing else: a bystander recording,
/// started before the first test, must still be recording after each one, and ends as a playable file.
/// The tests run one at a time so that the bystander's check runs last.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed partial class BadInputTests
{
    private const int ErrorPath = 1;
    private const int Last = 2;
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";
    private const string InvalidState = "io.github.recorderd.Error.InvalidStateError";
    private const string NotFound = "io.github.recorderd.Error.NotFoundError";
    private const string NotSupported = "io.github.recorderd.Error.NotSupportedError";
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly string[] Audio = ["test:audio"];
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];

    private DaemonProcess _daemon = null!;
    private string _bystander = "";
    private Stopwatch _bystanderClock = null!;
    private bool _bystanderStopped;

    [OneTimeSetUp]
    public void StartDaemonAndBystander()
    {
        _daemon = new DaemonProcess();
        _bystander = _daemon.CreateRecorder(AudioVideo);
        using var signals = new SignalLog(_daemon, Recorder, _bystander);
        _daemon.CallRecorder(_bystander, "Start", [0u]);
        _bystanderClock = Stopwatch.StartNew();
        signals.WaitFor("Started");
    }

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [TearDown]
    public void DaemonStillServesAndTheBystanderStillRecords()
    {
        Assert.That(_daemon.HasExited, Is.False, $"recorderd exited: {_daemon.Output}");
        if (!_bystanderStopped)
        {
            Assert.That(_daemon.RecorderState(_bystander), Is.EqualTo("recording"), "the bystander recording was disturbed");
        }
    }

    [TestCase("colour")]
    [TestCase("mimetype")]
    [TestCase("videoBitrateMode")]
    [Order(ErrorPath)]
    public void AnUnknownOptionIsInvalidArgsNamingTheKey(string key)
    {
        var error = CreateError(Audio, (key, "x"));
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain($"'{key}'"));
    }

    [TestCase("audioBitsPerSecond", "s")]
    [TestCase("videoBitsPerSecond", "i")]
    [TestCase("bitsPerSecond", "t")]
    [TestCase("stopOnDisconnect", "u")]
    [TestCase("mimeType", "u")]
    [TestCase("audioBitrateMode", "b")]
    [TestCase("videoKeyFrameIntervalDuration", "d")]
    [TestCase("location", "o")]
    [TestCase("audioTracks", "b")]
    [TestCase("timeLimit", "t")]
    [TestCase("sizeLimit", "u")]
    [Order(ErrorPath)]
    public void AValueOfTheWrongTypeIsInvalidArgsNamingTheKey(string key, string type)
    {
        var error = CreateError(Audio, (key, ValueOfType(type)));
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain($"'{key}'"));
    }

    [TestCase("cbr")]
    [TestCase("vbr")]
    [TestCase("Constant")]
    [TestCase("")]
    [Order(ErrorPath)]
    public void AnAudioBitrateModeOutsideTheEnumIsInvalidArgs(string mode)
    {
        var error = CreateError(Audio, ("audioBitrateMode", mode));
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("audioBitrateMode"));
    }

    [TestCase("mixed")]
    [TestCase("Separate")]
    [TestCase("")]
    [Order(ErrorPath)]
    public void AudioTracksOtherThanMixOrSeparateIsInvalidArgs(string layout)
    {
        var error = CreateError(Audio, ("audioTracks", layout));
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain($"option 'audioTracks' must be 'mix' or 'separate', not '{layout}'"));
    }

    [TestCase("")]
    [TestCase("/tmp/")]
    [TestCase("/tmp/%z.webm")]
    [Order(ErrorPath)]
    public void ALocationThatNamesNoFileOrHasABadCodeIsInvalidArgs(string location)
    {
        var error = CreateError(Audio, ("location", location));
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("'location'"));
    }

    [TestCase("rtsp://x")]
    [TestCase("test:audio?volume=11")]
    [TestCase("pipewire:x ! filesink location=/etc/y")]
    [TestCase("v4l2:video0")]
    [TestCase("test:video?width=abc")]
    [TestCase("test:")]
    [TestCase("file://host/x.webm")]
    [TestCase("")]
    [Order(ErrorPath)]
    public void AMalformedSourceUriIsInvalidArgsAndCreatesNoFile(string uri)
    {
        var before = _daemon.Files();

        var error = CreateError([uri]);
        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain($"'{uri}'"));

        var path = _daemon.CreateRecorder(Audio);
        Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "AddSource", [uri])).ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(_daemon.GetProperty(path, Recorder, "Sources").GetArray<string>(), Is.EqualTo(Audio));
        _daemon.CallRecorder(path, "Destroy");
        Assert.That(_daemon.Files(), Is.EqualTo(before));
    }

    [TestCase("v4l2:/dev/does-not-exist", "/dev/does-not-exist")]
    [TestCase("file:///no/such.webm", "/no/such.webm")]
    [Order(ErrorPath)]
    public void AnUnknownDeviceOrFileIsNotFoundError(string uri, string named)
    {
        var error = CreateError([uri]);
        Assert.That(error.ErrorName, Is.EqualTo(NotFound));
        Assert.That(error.ErrorMessage, Does.Contain(named));
    }

    [Test]
    [Order(ErrorPath)]
    public void AddingOrRemovingAnUnknownSourceIsNotFoundError()
    {
        var path = _daemon.CreateRecorder(Audio);

        Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "AddSource", ["v4l2:/dev/does-not-exist"])).ErrorName, Is.EqualTo(NotFound));
        Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "RemoveSource", ["test:video"])).ErrorName, Is.EqualTo(NotFound));
        Assert.That(_daemon.GetProperty(path, Recorder, "Sources").GetArray<string>(), Is.EqualTo(Audio));
        _daemon.CallRecorder(path, "Destroy");
    }

    [TestCase("video/invalid")]
    [TestCase("audio/banana")]
    [TestCase("video/webm;codecs=vp8,vp9")]
    [Order(ErrorPath)]
    public void AnUnsupportedMimeTypeIsNotSupportedError(string mimeType) =>
        Assert.That(CreateError(AudioVideo, ("mimeType", mimeType)).ErrorName, Is.EqualTo(NotSupported));

    [Test]
    [Order(ErrorPath)]
    public void BothKeyFrameOptionsAreNotSupportedError()
    {
        var error = CreateError(AudioVideo, ("videoKeyFrameIntervalDuration", 1000u), ("videoKeyFrameIntervalCount", 30u));
        Assert.That(error.ErrorName, Is.EqualTo(NotSupported));
    }

    [TestCase("test:video?width=160&height=120", "test:video?pattern=ball&width=160&height=120")]
    [Order(ErrorPath)]
    public void TwoVideoTracksAreNotSupportedError(string first, string second)
    {
        Assert.That(CreateError([first, second]).ErrorName, Is.EqualTo(NotSupported));

        var path = _daemon.CreateRecorder([first]);
        Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "AddSource", [second])).ErrorName, Is.EqualTo(NotSupported));
        Assert.That(_daemon.GetProperty(path, Recorder, "Sources").GetArray<string>(), Is.EqualTo(new[] { first }));
        _daemon.CallRecorder(path, "Destroy");
    }

    [TestCase("audio/webm;codecs=opus", "test:video?width=160&height=120")]
    [TestCase("audio/ogg", "test:audio", "test:video?width=160&height=120")]
    [Order(ErrorPath)]
    public void AnAudioOnlyTypeWithAVideoSourceFailsAtStartWithNotSupportedErrorAndLeavesNoFile(string mimeType, params string[] sources)
    {
        var before = _daemon.Files();
        var path = _daemon.CreateRecorder(sources, ("mimeType", mimeType));
        using var signals = new SignalLog(_daemon, Recorder, path);

        var error = ErrorOf(() => _daemon.CallRecorder(path, "Start", [0u]));
        Assert.That(error.ErrorName, Is.EqualTo(NotSupported));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        Assert.That(_daemon.GetProperty(path, Recorder, "Location").GetString(), Is.Empty);
        Thread.Sleep(Quiet);
        Assert.That(signals.Members, Is.Empty);
        Assert.That(_daemon.Files(), Is.EqualTo(before));
        _daemon.CallRecorder(path, "Destroy");
    }

    [TestCase("/proc/recorderd-test.webm")]
    [TestCase("/proc/recorderd/test.webm")]
    [Order(ErrorPath)]
    public void ALocationThatCannotBeCreatedFailsAtStartWithNotAllowedError(string location)
    {
        var path = _daemon.CreateRecorder(Audio, ("location", location));

        var error = ErrorOf(() => _daemon.CallRecorder(path, "Start", [0u]));
        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotAllowedError"));
        Assert.That(error.ErrorMessage, Does.Contain(location));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        Assert.That(_daemon.GetProperty(path, Recorder, "Location").GetString(), Is.Empty);
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    [Order(ErrorPath)]
    public void ARecorderWithoutSourcesCanBeCreatedButNotStarted()
    {
        var path = _daemon.CreateRecorder([]);

        Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "Start", [0u])).ErrorName, Is.EqualTo(NotSupported));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        _daemon.CallRecorder(path, "Destroy");
    }

    [TestCase("{recorder}", Recorder, "Start", "s", "hello")]
    [TestCase("{recorder}", Recorder, "Start")]
    [TestCase("{recorder}", Recorder, "Start", "uu", "1", "2")]
    [TestCase("{recorder}", Recorder, "Stop", "u", "1")]
    [TestCase("{recorder}", Recorder, "AddSource", "as", "1", "test:video")]
    [TestCase("/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder", "s", "x")]
    [TestCase("/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder", "as", "1", "test:audio")]
    [TestCase("/io/github/recorderd", "io.github.recorderd.Manager1", "IsTypeSupported", "i", "5")]
    [Order(ErrorPath)]
    public void AWrongSignatureTypedIntoBusctlIsInvalidArgs(string objectPath, string iface, string method, params string[] arguments)
    {
        var path = _daemon.CreateRecorder(Audio);

        var (exitCode, _, error) = _daemon.BusctlShowingErrorNames(
            ["call", "io.github.recorderd", objectPath.Replace("{recorder}", path, StringComparison.Ordinal), iface, method, .. arguments]);
        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(error, Does.Contain($"error-name={InvalidArgs}"));
        Assert.That(error, Does.Contain("Call failed"));
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    [Order(ErrorPath)]
    public void AWrongTupleFromAClientIsInvalidArgs()
    {
        var path = _daemon.CreateRecorder(Audio);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorOf(() => _daemon.CallManager("CreateRecorder", ["x"])).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(ErrorOf(() => _daemon.CallManager("IsTypeSupported", [1u])).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(ErrorOf(() => _daemon.CallManager("EnumerateDevices", [true])).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "Start", ["hello"])).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "Start")).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "RequestData", [0u])).ErrorName, Is.EqualTo(InvalidArgs));
        });
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    [Order(ErrorPath)]
    public void ACallToARecorderThatDoesNotExistIsRefusedAsNoSuchObject()
    {
        const string missing = "/io/github/recorderd/recorder/999999";

        var error = ErrorOf(() => _daemon.CallRecorder(missing, "Stop"));
        Assert.That(error.ErrorName, Is.EqualTo(DaemonProcess.NoSuchObject));
        Assert.That(error.ErrorMessage, Does.Contain(missing));
        var (exitCode, _, busctlError) = _daemon.BusctlShowingErrorNames("call", "io.github.recorderd", missing, Recorder, "Start", "u", "0");
        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(busctlError, Does.Contain($"error-name={DaemonProcess.NoSuchObject}"));
    }

    [Test]
    [Order(ErrorPath)]
    public void UnknownMembersAndWritesToReadOnlyPropertiesAreRefused()
    {
        var path = _daemon.CreateRecorder(Audio);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorOf(() => _daemon.CallRecorder(path, "Record")).ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.UnknownMethod"));
            Assert.That(ErrorOf(() => _daemon.GetProperty(path, Recorder, "Bogus")).ErrorName, Is.EqualTo(InvalidArgs));
            Assert.That(
                ErrorOf(() => _daemon.Call(path, "org.freedesktop.DBus.Properties", "Set",
                    [Recorder, "State", VariantValue.Variant("recording")])).ErrorName,
                Is.EqualTo(InvalidArgs));
        });
        Assert.That(_daemon.RecorderState(path), Is.EqualTo("inactive"));
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    [Order(Last)]
    public void TheBystanderRecordedThroughItAllIntoAPlayableFile()
    {
        Assert.That(_daemon.RecorderState(_bystander), Is.EqualTo("recording"));
        _daemon.CallRecorder(_bystander, "Stop");
        var recorded = _bystanderClock.Elapsed;
        _bystanderStopped = true;

        var location = _daemon.GetProperty(_bystander, Recorder, "Location").GetString();
        Assert.That(location, Does.StartWith(_daemon.Directory));
        var info = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(info.ContainerType, Is.EqualTo("video/webm"));
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
            Assert.That(info.Duration, Is.InRange(recorded - TimeSpan.FromSeconds(1.5), recorded + TimeSpan.FromSeconds(0.2)), $"recorded for {recorded}");
            Assert.That(info.Seekable, Is.True);
        });
    }

    private static DBusErrorReplyException ErrorOf(TestDelegate call) => DaemonProcess.ErrorOf(call);

    private static VariantValue ValueOfType(string type) => type switch
    {
        "s" => "128000",
        "u" => 1u,
        "i" => 1,
        "t" => 1ul,
        "b" => true,
        "d" => 1000.0,
        "o" => new ObjectPath("/tmp/x"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private DBusErrorReplyException CreateError(string[] sources, params (string Key, VariantValue Value)[] options) =>
        ErrorOf(() => _daemon.CreateRecorder(sources, options));
}
