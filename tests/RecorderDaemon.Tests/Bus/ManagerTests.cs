using System.Text.RegularExpressions;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary><c>io.github.recorderd.Manager1</c> and its ObjectManager on the running daemon. Every test makes its own recorders.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class ManagerTests
{
    private const string Manager = "io.github.recorderd.Manager1";
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const string ObjectManager = "org.freedesktop.DBus.ObjectManager";
    private const string ManagerPath = "/io/github/recorderd";
    private static readonly string[] AudioVideo = ["test:audio", "test:video?width=160&height=120"];

    private static readonly string[] RequiredMimeTypes =
    [
        "audio/webm;codecs=opus", "audio/webm;codecs=vorbis", "video/webm;codecs=vp8", "video/webm;codecs=vp9", "video/webm;codecs=vp8,opus",
        "video/webm;codecs=vp9,opus", "audio/ogg;codecs=opus", "audio/ogg;codecs=vorbis", "audio/ogg;codecs=flac",
    ];

    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [TestCase("", true)]
    [TestCase("video/webm", true)]
    [TestCase("audio/webm;codecs=opus", true)]
    [TestCase("video/webm;codecs=\"vp8, opus\"", true)]
    [TestCase("video/webm; codecs=\"vp8, opus\"", true)]
    [TestCase("audio/ogg;codecs=flac", true)]
    [TestCase("audio/banana", false)]
    [TestCase("video/invalid", false)]
    [TestCase("video/webm;codecs=vp8,vp9", false)]
    [TestCase("audio/webm;codecs=vp8", false)]
    [TestCase("audio/webm;codecs=flac", false)]
    [TestCase("text/plain", false)]
    [TestCase("webm", false)]
    public void IsTypeSupportedAnswersAndCreateRecorderAgrees(string mimeType, bool supported)
    {
        Assert.That(IsTypeSupported(mimeType), Is.EqualTo(supported));

        if (supported)
        {
            var path = _daemon.CreateRecorder(AudioVideo, ("mimeType", mimeType));
            Assert.That(Property(path, "MimeType").GetString(), Is.EqualTo(mimeType));
            _daemon.CallRecorder(path, "Destroy");
        }
        else
        {
            var error = DaemonProcess.ErrorOf(() => _daemon.CreateRecorder(AudioVideo, ("mimeType", mimeType)));
            Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        }
    }

    [Test]
    public void SupportedMimeTypesHoldsTheRequiredTypesAndEachIsSupported()
    {
        var types = _daemon.GetProperty(ManagerPath, Manager, "SupportedMimeTypes").GetArray<string>();

        Assert.That(types, Is.SupersetOf(RequiredMimeTypes));
        Assert.That(types, Is.Unique);
        Assert.That(types.Where(type => !IsTypeSupported(type)), Is.Empty, "types listed but not supported");
    }

    [Test]
    public void VersionIsNotEmpty() => Assert.That(_daemon.GetProperty(ManagerPath, Manager, "Version").GetString(), Is.Not.Empty);

    [Test]
    public void RecorderPathsCountUpAndAreNeverReusedAfterDestroy()
    {
        var first = _daemon.CreateRecorder(AudioVideo);
        _daemon.CallRecorder(first, "Destroy");
        var second = _daemon.CreateRecorder(AudioVideo);
        var third = _daemon.CreateRecorder(AudioVideo);

        Assert.That(new[] { first, second, third }, Has.All.Match(RecorderPath()));
        Assert.That(Number(second), Is.GreaterThan(Number(first)), "a destroyed recorder's number is not reused");
        Assert.That(Number(third), Is.GreaterThan(Number(second)));
        var gone = DaemonProcess.ErrorOf(() => _daemon.CallRecorder(first, "Stop"));
        Assert.That(gone.ErrorName, Is.EqualTo(DaemonProcess.NoSuchObject).Or.EqualTo("org.freedesktop.DBus.Error.UnknownObject"), "the destroyed object is gone");
        Assert.That(gone.Message, Does.Contain(first));
        _daemon.CallRecorder(second, "Destroy");
        _daemon.CallRecorder(third, "Destroy");
    }

    [Test]
    public void ANewRecorderHasTheConstructedProperties()
    {
        const string mimeType = "video/webm; codecs=\"vp8, opus\"";
        var path = _daemon.CreateRecorder(AudioVideo, ("mimeType", mimeType), ("audioBitrateMode", "constant"));

        Assert.Multiple(() =>
        {
            Assert.That(Property(path, "State").GetString(), Is.EqualTo("inactive"));
            Assert.That(Property(path, "MimeType").GetString(), Is.EqualTo(mimeType), "the constructed value, byte for byte");
            Assert.That(Property(path, "AudioBitsPerSecond").GetUInt32(), Is.EqualTo(128_000));
            Assert.That(Property(path, "VideoBitsPerSecond").GetUInt32(), Is.EqualTo(2_500_000));
            Assert.That(Property(path, "AudioBitrateMode").GetString(), Is.EqualTo("constant"));
            Assert.That(Property(path, "Sources").GetArray<string>(), Is.EqualTo(AudioVideo));
            Assert.That(Property(path, "Location").GetString(), Is.Empty);
            Assert.That(Property(path, "Duration").GetUInt64(), Is.Zero);
            Assert.That(Property(path, "BytesWritten").GetUInt64(), Is.Zero);
            Assert.That(Property(path, "Owner").GetString(), Is.EqualTo(_daemon.Client.UniqueName));
        });
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void DefaultOptionsGiveAnEmptyMimeTypeVariableAudioAndNonZeroDefaultBitrates()
    {
        var path = _daemon.CreateRecorder(["test:audio"]);

        Assert.Multiple(() =>
        {
            Assert.That(Property(path, "MimeType").GetString(), Is.Empty);
            Assert.That(Property(path, "AudioBitrateMode").GetString(), Is.EqualTo("variable"));
            Assert.That(Property(path, "AudioBitsPerSecond").GetUInt32(), Is.EqualTo(128_000));
            Assert.That(Property(path, "VideoBitsPerSecond").GetUInt32(), Is.EqualTo(2_500_000), "non-zero even without a video track");
        });
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void ExplicitBitratesAreKeptExactlyIncludingZero()
    {
        var path = _daemon.CreateRecorder(["test:audio"], ("audioBitsPerSecond", 0u), ("videoBitsPerSecond", 1_000_000u));

        Assert.That(Property(path, "AudioBitsPerSecond").GetUInt32(), Is.Zero);
        Assert.That(Property(path, "VideoBitsPerSecond").GetUInt32(), Is.EqualTo(1_000_000));
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void BitsPerSecondOverridesThePerKindValuesAndIsSplitBetweenThem()
    {
        var path = _daemon.CreateRecorder(
            AudioVideo, ("bitsPerSecond", 1_000_000u), ("audioBitsPerSecond", 0u), ("videoBitsPerSecond", 7u));

        var audio = Property(path, "AudioBitsPerSecond").GetUInt32();
        var video = Property(path, "VideoBitsPerSecond").GetUInt32();
        Assert.That(audio, Is.Positive);
        Assert.That(video, Is.Positive);
        Assert.That((double)audio + video, Is.EqualTo(1_000_000).Within(100_000));
        _daemon.CallRecorder(path, "Destroy");
    }

    [Test]
    public void GetManagedObjectsListsARecorderWithAllItsProperties()
    {
        var path = _daemon.CreateRecorder(["test:audio"], ("mimeType", "audio/ogg"));

        var (signature, objects) = _daemon.Call(ManagerPath, ObjectManager, "GetManagedObjects", Replies.WithSignature(Replies.ManagedObjects));
        Assert.That(signature, Is.EqualTo("a{oa{sa{sv}}}"));
        var interfaces = objects.Single(entry => entry.Key == path).Value;
        Assert.That(interfaces.Keys, Is.EqualTo(new[] { Recorder }));
        var properties = interfaces.Single().Value;
        Assert.That(properties.Keys, Is.EquivalentTo(PropertyNamesInXml(Recorder)));
        Assert.Multiple(() =>
        {
            Assert.That(properties["State"].GetString(), Is.EqualTo("inactive"));
            Assert.That(properties["MimeType"].GetString(), Is.EqualTo("audio/ogg"));
            Assert.That(properties["Sources"].GetArray<string>(), Is.EqualTo(new[] { "test:audio" }));
            Assert.That(properties["Owner"].GetString(), Is.EqualTo(_daemon.Client.UniqueName));
        });

        _daemon.CallRecorder(path, "Destroy");
        objects = _daemon.Call(ManagerPath, ObjectManager, "GetManagedObjects", Replies.ManagedObjects);
        Assert.That(objects.Keys, Does.Not.Contain(path));
    }

    [Test]
    public void InterfacesAddedAnnouncesANewRecorderAndInterfacesRemovedItsDestruction()
    {
        using var signals = new SignalLog<ObjectManagerSignal>(
            _daemon, new MatchRule { Type = MessageType.Signal, Interface = ObjectManager, Path = ManagerPath }, ObjectManagerSignal.Read);

        var path = _daemon.CreateRecorder(["test:audio"]);
        var added = signals.WaitFor(signal => signal.Member == "InterfacesAdded" && signal.Path == path);
        Assert.That(added.Signature, Is.EqualTo("oa{sa{sv}}"));
        var interfaces = added.Added.ToList();
        Assert.That(interfaces.Select(entry => entry.Key), Is.EqualTo(new[] { Recorder }));
        var properties = interfaces.Single().Value;
        Assert.That(properties.Keys, Is.EquivalentTo(PropertyNamesInXml(Recorder)));
        Assert.That(properties["State"].GetString(), Is.EqualTo("inactive"));
        Assert.That(properties["Owner"].GetString(), Is.EqualTo(_daemon.Client.UniqueName));

        _daemon.CallRecorder(path, "Destroy");
        var removed = signals.WaitFor(signal => signal.Member == "InterfacesRemoved" && signal.Path == path);
        Assert.That(removed.Signature, Is.EqualTo("oas"));
        Assert.That(removed.Removed, Is.EqualTo(new[] { Recorder }));
    }

    [Test]
    public void EnumerateDevicesGivesDictionariesWithTheMediaDeviceInfoFields()
    {
        var (signature, devices) = _daemon.CallManager("EnumerateDevices", Replies.WithSignature(Replies.Dictionaries));

        Assert.That(signature, Is.EqualTo("aa{sv}"));
        foreach (var device in devices)
        {
            Assert.That(device.Keys, Is.SupersetOf(new[] { "deviceId", "kind", "label", "groupId" }));
            Assert.That(device["kind"].GetString(), Is.AnyOf("audioinput", "videoinput"));
            Assert.That(device["deviceId"].GetString(), Does.StartWith("pipewire:").Or.StartWith("v4l2:"));
            Assert.That(device["label"].Type, Is.EqualTo(VariantValueType.String));
            Assert.That(device["groupId"].Type, Is.EqualTo(VariantValueType.String));
        }
    }

    [Test]
    public void IntrospectionOfTheManagerEqualsTheCheckedInXml()
    {
        var checkedIn = Introspection.CheckedIn(Manager);
        Assert.That(checkedIn, Does.Contain($"{Manager} method CreateRecorder(in as sources, in a{{sv}} options, out o recorder)"));
        Assert.That(checkedIn, Does.Contain($"{ObjectManager} signal InterfacesRemoved(o object, as interfaces)"));

        Assert.That(Introspection.Interfaces(_daemon, ManagerPath), Is.EqualTo(checkedIn));
    }

    [Test]
    public void IntrospectionOfARecorderEqualsTheCheckedInXml()
    {
        var checkedIn = Introspection.CheckedIn(Recorder);
        Assert.That(checkedIn, Does.Contain($"{Recorder} signal DataAvailable(t offset, t size, d timecode)"));
        Assert.That(checkedIn, Does.Contain($"{Recorder} property Owner s read"));
        var path = _daemon.CreateRecorder(["test:audio"]);

        Assert.That(Introspection.Interfaces(_daemon, path), Is.EqualTo(checkedIn));
        _daemon.CallRecorder(path, "Destroy");
    }

    private static IEnumerable<string> PropertyNamesInXml(string iface) =>
        Introspection.CheckedIn(iface).Where(member => member.StartsWith($"{iface} property ", StringComparison.Ordinal)).Select(member => member.Split(' ')[2]);

    private static int Number(string path) => int.Parse(RecorderPath().Match(path).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^/io/github/recorderd/recorder/([1-9][0-9]*)$")]
    private static partial Regex RecorderPath();

    private bool IsTypeSupported(string mimeType) => _daemon.CallManager("IsTypeSupported", Replies.Bool, [mimeType]);

    private VariantValue Property(string path, string name) => _daemon.GetProperty(path, Recorder, name);

    /// <summary>An ObjectManager signal: <c>InterfacesAdded</c> (<c>oa{sa{sv}}</c>) or <c>InterfacesRemoved</c> (<c>oas</c>).</summary>
    private sealed record ObjectManagerSignal(
        string Member, string Signature, string Path, Dictionary<string, Dictionary<string, VariantValue>> Added, string[] Removed)
    {
        public static ObjectManagerSignal Read(Message message, object? state)
        {
            var reader = message.GetBodyReader();
            var member = message.MemberAsString!;
            var path = reader.ReadObjectPathAsString();
            return new(member, message.SignatureAsString, path,
                member == "InterfacesAdded" ? Replies.ReadInterfaces(ref reader) : [],
                member == "InterfacesRemoved" ? reader.ReadArrayOfString() : []);
        }
    }
}
