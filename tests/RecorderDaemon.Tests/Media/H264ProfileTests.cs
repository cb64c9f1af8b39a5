using RecorderDaemon.Media;

namespace RecorderDaemon.Tests.Media;

/// <summary>RFC 6381 <c>avc1.PPCCLL</c> codec strings: the profile and level they ask the H.264 encoder for.</summary>
public sealed class H264ProfileTests
{
    [TestCase("avc1.42e01e", "constrained-baseline", "3")]
    [TestCase("avc1.42001e", "baseline", "3")]
    [TestCase("avc1.4d401f", "main", "3.1")]
    [TestCase("avc1.640028", "high", "4")]
    [TestCase("avc1.640c33", "constrained-high", "5.1")]
    [TestCase("avc1.42e00b", "constrained-baseline", "1.1")]
    [TestCase("avc1.42f00b", "constrained-baseline", "1b")]
    [TestCase("avc1.42e009", "constrained-baseline", "1b")]
    public void ACodecStringNamesAProfileAndALevel(string id, string profile, string level)
    {
        var parsed = H264Profile.Parse(id, out var problem);

        Assert.That(parsed, Is.EqualTo(new H264Profile(id, profile, level)), problem);
        Assert.That(parsed!.Caps, Is.EqualTo($"video/x-h264,profile={profile},level=(string){level}"));
    }

    [TestCase("avc1.6e0028", "profile 110")]
    [TestCase("avc1.f4001f", "profile 244")]
    [TestCase("avc1.4200ff", "level 255, which is not a level")]
    [TestCase("avc1.42e01", "not an RFC 6381 H.264 codec string")]
    [TestCase("avc1.xyzxyz", "not an RFC 6381 H.264 codec string")]
    public void WhatOpenh264CannotRecordOrIsNoCodecStringIsRefusedWithTheReason(string id, string reason)
    {
        Assert.That(H264Profile.Parse(id, out var problem), Is.Null);
        Assert.That(problem, Does.Contain(reason).And.Contain($"'{id}'"));
    }
}
