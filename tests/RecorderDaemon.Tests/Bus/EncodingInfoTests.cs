using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// Manager1.EncodingInfo, the daemon's mediaCapabilities.encodingInfo({type: "record"}): supported from the format table,
/// smooth from a real encode measured on this machine, powerEfficient false with software encoders only.
/// </summary>
[TestFixture]
public sealed class EncodingInfoTests
{
    private const string InvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";

    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void ASmallVp8VideoIsSupportedAndSmoothButNotPowerEfficient()
    {
        var info = EncodingInfo("video/webm;codecs=vp8", Video(160, 120, 30));

        Assert.That(info, Is.EqualTo((true, true, false)));
    }

    [Test]
    public void AnAv1VideoTooBigForThisMachineIsSupportedButNotSmooth()
    {
        var info = EncodingInfo("video/webm;codecs=av01", Video(3840, 2160, 120));

        Assert.That(info, Is.EqualTo((true, false, false)));
    }

    [Test]
    public void AudioAloneIsSmooth()
    {
        Assert.That(EncodingInfo("audio/ogg;codecs=opus", []), Is.EqualTo((true, true, false)));
    }

    [TestCase("video/mp4;codecs=vp8", TestName = "a codec the container cannot hold")]
    [TestCase("audio/webm", TestName = "an audio type asked about video")]
    [TestCase("", TestName = "no type")]
    public void WhatCannotBeRecordedIsNeitherSupportedNorSmooth(string mimeType)
    {
        Assert.That(EncodingInfo(mimeType, Video(320, 240, 30)), Is.EqualTo((false, false, false)));
    }

    [Test]
    public void AVideoConfigurationWithoutItsFramerateIsInvalidArgs()
    {
        var error = DaemonProcess.ErrorOf(() => EncodingInfo("video/webm", new Dict<string, VariantValue> { ["width"] = VariantValue.UInt32(640), ["height"] = VariantValue.UInt32(480) }));

        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("'framerate'"));
    }

    [TestCase("depth", TestName = "an unknown key")]
    [TestCase("width", TestName = "a width of the wrong type")]
    public void ABadKeyOrTypeIsInvalidArgsNamingIt(string key)
    {
        var config = Video(320, 240, 30);
        config[key] = "wide";

        var error = DaemonProcess.ErrorOf(() => EncodingInfo("video/webm", config));

        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain($"'{key}'"));
    }

    [Test]
    public void ASizeOutOfRangeIsInvalidArgs()
    {
        var error = DaemonProcess.ErrorOf(() => EncodingInfo("video/webm", Video(8, 240, 30)));

        Assert.That(error.ErrorName, Is.EqualTo(InvalidArgs));
        Assert.That(error.ErrorMessage, Does.Contain("'width' must be from 16 to 3840"));
    }

    private static Dict<string, VariantValue> Video(uint width, uint height, double framerate) => new()
    {
        ["width"] = VariantValue.UInt32(width),
        ["height"] = VariantValue.UInt32(height),
        ["framerate"] = VariantValue.Double(framerate),
    };

    private (bool Supported, bool Smooth, bool PowerEfficient) EncodingInfo(string mimeType, Dict<string, VariantValue> config)
    {
        var info = _daemon.CallManager("EncodingInfo", Replies.Dictionary, [mimeType, config]);
        Assert.That(info.Keys, Is.EquivalentTo(new[] { "supported", "smooth", "powerEfficient" }));
        return (info["supported"].GetBool(), info["smooth"].GetBool(), info["powerEfficient"].GetBool());
    }
}
