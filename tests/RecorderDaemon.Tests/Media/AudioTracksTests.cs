using RecorderDaemon.Recording;
using RecorderDaemon.Tests.Recording;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// Several audio sources in one recording, mixed or one track each (option <c>audioTracks</c>), and each source's
/// <c>volume</c>: real pipelines recording test tones, told apart in the file by band-pass filters.
/// </summary>
[TestFixture]
public sealed class AudioTracksTests
{
    private const string Low = "test:audio?freq=440";
    private const string High = "test:audio?freq=880";
    private static readonly (int, int) LowBand = (400, 480);
    private static readonly (int, int) HighBand = (840, 920);

    [Test]
    public void ByDefaultTheSourcesAreMixedIntoOneTrackCarryingBoth()
    {
        Record([Low, High], new RecorderOptions(), (location, info) =>
        {
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }));
            Assert.That(Quietest(location, LowBand), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 440 Hz source");
            Assert.That(Quietest(location, HighBand), Is.GreaterThan(MediaProbe.AudibleDecibels), "the 880 Hz source");
        });
    }

    [TestCase("audio/webm")]
    [TestCase("audio/ogg")]
    public void SeparateGivesEachSourceItsOwnTrack(string mimeType)
    {
        Record([Low, High], new RecorderOptions { MimeType = mimeType, AudioTracks = AudioTrackLayout.Separate }, (location, info) =>
        {
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus", "audio/x-opus" }));
            Assert.That(info.Duration.TotalSeconds, Is.EqualTo(1.0).Within(0.4));
            var lowTrack = new[] { 0, 1 }.Single(track => Loudest(location, LowBand, track) > MediaProbe.AudibleDecibels);
            var highTrack = 1 - lowTrack;
            Assert.That(Quietest(location, LowBand, lowTrack), Is.GreaterThan(MediaProbe.AudibleDecibels), "one track carries the 440 Hz source");
            Assert.That(Loudest(location, HighBand, lowTrack), Is.LessThan(MediaProbe.SilentDecibels), "and nothing of the 880 Hz one");
            Assert.That(Quietest(location, HighBand, highTrack), Is.GreaterThan(MediaProbe.AudibleDecibels), "the other carries the 880 Hz source");
            Assert.That(Loudest(location, LowBand, highTrack), Is.LessThan(MediaProbe.SilentDecibels), "and nothing of the 440 Hz one");
        });
    }

    [Test]
    public void SeparateBesideAVideoTrack()
    {
        Record(["test:video", Low, High], new RecorderOptions { MimeType = "video/webm", AudioTracks = AudioTrackLayout.Separate }, (_, info) =>
        {
            Assert.That(info.VideoTypes, Is.EqualTo(new[] { "video/x-vp8" }));
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus", "audio/x-opus" }));
        });
    }

    [Test]
    public void AVolumeScalesItsOwnSourceOnly()
    {
        Record([$"{Low}&volume=0.1", High], new RecorderOptions(), (location, _) =>
        {
            var low = Quietest(location, LowBand);
            var high = Quietest(location, HighBand);
            Assert.That(high - low, Is.EqualTo(20).Within(3), "0.1 is 20 dB quieter, and the other source is as it was");
        });
    }

    [Test]
    public void VolumeZeroSilencesASource()
    {
        Record(["test:audio?volume=0"], new RecorderOptions(), (location, _) =>
            Assert.That(Loudest(location, band: null), Is.LessThan(MediaProbe.SilentDecibels)));
    }

    /// <summary>Records <paramref name="uris"/> for a second, then checks the file (its path and what the discoverer says) while it still exists.</summary>
    private static void Record(string[] uris, RecorderOptions options, Action<string, RecorderDaemon.Native.MediaInfo> check)
    {
        using var harness = new RecorderHarness(uris, options);
        harness.Start();
        harness.WaitForEvent("start");
        Thread.Sleep(1000);
        harness.Stop();
        Assert.That(harness.Events, Is.EqualTo(new[] { "start", "data", "stop" }));
        check(harness.Recorder.Location, harness.Discover());
    }

    /// <summary>The quietest moment of <paramref name="band"/>, leaving out the first and last 0.2 s where the encoder starts and ends.</summary>
    private static double Quietest(string location, (int, int) band, int track = 0) =>
        Middle(location, band, track).Min(level => level.RmsDecibels);

    private static double Loudest(string location, (int, int)? band, int track = 0) =>
        Middle(location, band, track).Max(level => level.RmsDecibels);

    private static List<(TimeSpan Time, double RmsDecibels)> Middle(string location, (int, int)? band, int track)
    {
        var levels = MediaProbe.Loudness(location, band, track: track).Skip(2).SkipLast(2).ToList();
        Assert.That(levels, Has.Count.GreaterThanOrEqualTo(4), "most of the recording measured");
        return levels;
    }
}
