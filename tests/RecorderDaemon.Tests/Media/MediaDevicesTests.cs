using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Media;

/// <summary>EnumerateDevices' entries for device lists made up here; the real list is checked in <see cref="DesktopAudioSourceTests"/>.</summary>
[TestFixture]
public sealed class MediaDevicesTests
{
    [Test]
    public void ACameraSeenByBothPipeWireAndV4l2IsListedOnceAsItsPipeWireNode()
    {
        var devices = new FixedDevices(
            Device("Camera", "Video/Source", ("node.name", "v4l2_input.camera"), ("object.serial", "41"), ("api.v4l2.path", "/dev/video0")),
            Device("Camera", "Video/Source", ("device.path", "/dev/video0")),
            Device("Other camera", "Video/Source", ("device.path", "/dev/video2")));

        var ids = MediaDevices.Enumerate(devices).Select(device => device["deviceId"]);

        Assert.That(ids, Is.EqualTo(new[] { "pipewire:v4l2_input.camera", "v4l2:/dev/video2" }));
    }

    [Test]
    public void OutputsAndPlayingApplicationsAreAudioOutputsNamedBySourceUris()
    {
        var devices = new FixedDevices(
            Device("Speakers", "Audio/Sink", ("node.name", "speakers"), ("object.serial", "50")),
            Device("tab 1", "Stream/Output/Audio", ("node.name", "Firefox"), ("object.serial", "60"), ("application.name", "Firefox")),
            Device("tab 2", "Stream/Output/Audio", ("node.name", "Firefox"), ("object.serial", "61"), ("application.name", "Firefox")),
            Device("player", "Stream/Output/Audio", ("object.serial", "62"), ("application.process.binary", "mpv player")),
            Device("Microphone", "Audio/Source", ("node.name", "mic"), ("object.serial", "70")));

        var entries = MediaDevices.Enumerate(devices).Select(device => (device["deviceId"], device["kind"], device["label"]));

        Assert.That(entries, Is.EqualTo(new[]
        {
            ("desktop-audio:speakers", "audiooutput", "Speakers"),
            ("app-audio:Firefox", "audiooutput", "Firefox"),
            ("app-audio:mpv%20player", "audiooutput", "mpv player"),
            ("pipewire:mic", "audioinput", "Microphone"),
        }));
    }

    private static GstDeviceInfo Device(string name, string deviceClass, params (string Name, string Value)[] properties) =>
        new(name, deviceClass, properties.ToDictionary(property => property.Name, property => property.Value));
}
