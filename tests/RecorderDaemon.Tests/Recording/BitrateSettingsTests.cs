using NUnit.Framework;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>The WPT bitrate assertions of checklist section C, each against the recorder's life-cycle steps.</summary>
public sealed class BitrateSettingsTests
{
    private const long Tolerance = 100_000;

    [Test]
    public void Defaults_are_non_zero_for_both_kinds() =>
        Assert.That(BitrateSettings.ForConstructor(null, null, null), Is.EqualTo(new BitrateSettings(128_000, 2_500_000)));

    [Test]
    public void C2_keeps_an_explicit_zero_audio_bitrate()
    {
        var settings = BitrateSettings.ForConstructor(null, audioBitsPerSecond: 0, null);

        Assert.That(settings.Audio, Is.Zero);
        Assert.That(settings.Video, Is.GreaterThan(0));
    }

    [Test]
    public void C2_keeps_an_explicit_video_bitrate_on_an_audio_only_stream()
    {
        var constructed = BitrateSettings.ForConstructor(null, null, videoBitsPerSecond: 1_000_000);

        Assert.That(BitrateSettings.ForStart(constructed, null, hasAudio: true, hasVideo: false).Video, Is.EqualTo(1_000_000));
    }

    [Test]
    public void C2_keeps_an_explicit_audio_bitrate_on_a_video_only_stream()
    {
        var constructed = BitrateSettings.ForConstructor(null, audioBitsPerSecond: 100_000, null);

        Assert.That(BitrateSettings.ForStart(constructed, null, hasAudio: false, hasVideo: true).Audio, Is.EqualTo(100_000));
    }

    [TestCase(0u, 0u)]
    [TestCase(0u, 5_000_000u)]
    [TestCase(64_000u, 3_000_000u)]
    public void C3_bitsPerSecond_overrides_the_per_kind_values(uint audio, uint video) =>
        Assert.That(BitrateSettings.ForConstructor(1_000_000, audio, video), Is.EqualTo(BitrateSettings.ForConstructor(1_000_000, null, null)));

    [TestCase(0u)]
    [TestCase(10_000u)]
    [TestCase(100_000u)]
    [TestCase(500_000u)]
    [TestCase(1_000_000u)]
    [TestCase(2_000_000u)]
    [TestCase(8_000_000u)]
    public void C4_splits_bitsPerSecond_into_two_non_zero_values_summing_to_about_it(uint bitsPerSecond)
    {
        var settings = BitrateSettings.ForConstructor(bitsPerSecond, null, null);

        Assert.That(settings.Audio, Is.GreaterThan(0));
        Assert.That(settings.Video, Is.GreaterThan(0));
        Assert.That((long)settings.Audio + settings.Video, Is.EqualTo((long)bitsPerSecond).Within(Tolerance));
    }

    [Test]
    public void C5_start_gives_an_audio_only_stream_all_of_bitsPerSecond_and_video_exactly_zero()
    {
        var constructed = BitrateSettings.ForConstructor(500_000, null, null);

        var started = BitrateSettings.ForStart(constructed, 500_000, hasAudio: true, hasVideo: false);

        Assert.That(started.Audio, Is.EqualTo(500_000).Within(Tolerance));
        Assert.That(started.Video, Is.Zero);
        Assert.That(started.Audio, Is.Not.EqualTo(constructed.Audio));
        Assert.That(started.Video, Is.Not.EqualTo(constructed.Video));
    }

    [Test]
    public void C5_start_gives_a_video_only_stream_all_of_bitsPerSecond_and_audio_exactly_zero()
    {
        var started = BitrateSettings.ForStart(BitrateSettings.ForConstructor(2_000_000, null, null), 2_000_000, hasAudio: false, hasVideo: true);

        Assert.That(started.Audio, Is.Zero);
        Assert.That(started.Video, Is.EqualTo(2_000_000).Within(Tolerance));
    }

    [TestCase(0u)]
    [TestCase(500_000u)]
    [TestCase(2_000_000u)]
    public void C5_start_leaves_an_audio_and_video_split_unchanged(uint bitsPerSecond)
    {
        var constructed = BitrateSettings.ForConstructor(bitsPerSecond, null, null);

        Assert.That(BitrateSettings.ForStart(constructed, bitsPerSecond, hasAudio: true, hasVideo: true), Is.EqualTo(constructed));
    }

    [TestCase(null, null)]
    [TestCase(0u, 1_000_000u)]
    [TestCase(64_000u, null)]
    public void C6_start_without_bitsPerSecond_changes_nothing(uint? audio, uint? video)
    {
        var constructed = BitrateSettings.ForConstructor(null, audio, video);

        Assert.That(BitrateSettings.ForStart(constructed, null, hasAudio: true, hasVideo: false), Is.EqualTo(constructed));
        Assert.That(BitrateSettings.ForStart(constructed, null, hasAudio: false, hasVideo: true), Is.EqualTo(constructed));
    }

    [Test]
    public void C7_inactivate_gives_an_audio_only_recording_its_non_zero_video_bitrate_back()
    {
        var constructed = BitrateSettings.ForConstructor(500_000, null, null);
        var started = BitrateSettings.ForStart(constructed, 500_000, hasAudio: true, hasVideo: false);

        var inactive = BitrateSettings.ForInactivate(started, 500_000);

        Assert.That(inactive, Is.EqualTo(constructed));
        Assert.That(inactive.Video, Is.GreaterThan(0));
    }

    [Test]
    public void C7_inactivate_without_bitsPerSecond_changes_nothing()
    {
        var constructed = BitrateSettings.ForConstructor(null, 64_000, 1_000_000);

        Assert.That(BitrateSettings.ForInactivate(constructed, null), Is.SameAs(constructed));
    }

    [TestCase(2_100_000u, 1u, 1u, 100_000u, 2_000_000u)]
    [TestCase(0u, 1u, 1u, 500u, 10_000u)]
    [TestCase(uint.MaxValue, 1u, 1u, 512_000u, 100_000_000u)]
    [TestCase(4_200_000u, 2u, 2u, 200_000u, 4_000_000u)]
    [TestCase(0u, 2u, 2u, 1_000u, 20_000u)]
    [TestCase(1_000_000u, 1u, 0u, 512_000u, 0u)]
    [TestCase(100u, 1u, 0u, 500u, 0u)]
    [TestCase(1_000u, 0u, 1u, 0u, 10_000u)]
    [TestCase(uint.MaxValue, 0u, 1u, 0u, 100_000_000u)]
    public void C8_splits_20_to_1_and_clamps_per_track(uint bitsPerSecond, uint audioTracks, uint videoTracks, uint audio, uint video) =>
        Assert.That(BitrateSettings.Split(bitsPerSecond, audioTracks, videoTracks), Is.EqualTo(new BitrateSettings(audio, video)));

    [Test]
    public void C8_cannot_split_over_no_tracks() => Assert.Throws<ArgumentException>(() => BitrateSettings.Split(1_000_000, 0, 0));
}
