using RecorderDaemon.Access;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>Location templates: their codes, <c>~/</c>, relative paths and the counter, as OutputLocations creates the files.</summary>
[TestFixture]
public sealed class LocationTemplateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 5, 7, TimeSpan.Zero);

    [Test]
    public void EveryCodeIsReplaced() =>
        Assert.That(LocationTemplate.Expand("/r/%Y-%m-%d %H.%M.%S %p #%n 100%%.webm", Start, "standup", 3), Is.EqualTo("/r/2026-11-30 09.05.07 standup #3 100%.webm"));

    [Test]
    public void TildeIsTheHomeARelativePathTheDefaultDirectoryAndTheCounterTheFirstFreeNumber()
    {
        var root = Directory.CreateTempSubdirectory("recorderd-template-").FullName;
        try
        {
            var home = Path.Combine(root, "home");
            var videos = Path.Combine(root, "videos");
            var outputs = new OutputLocations(videos, Path.Combine(root, "music"), home, CallerFiles.OfDaemonUser, new FixedClock(Start));

            string Claim(string template)
            {
                using var output = outputs.Claim(LocationTemplate.Validate(template, "p"), "webm", hasVideo: true, profile: "p");
                return output.Location;
            }

            Assert.That(Claim("~/clips/%n.webm"), Is.EqualTo(Path.Combine(home, "clips", "1.webm")));
            Assert.That(Claim("~/clips/%n.webm"), Is.EqualTo(Path.Combine(home, "clips", "2.webm")));
            Assert.That(Claim("%p/%Y.webm"), Is.EqualTo(Path.Combine(videos, "p", "2026.webm")));
            Assert.That(Claim("%p/%Y.webm"), Is.EqualTo(Path.Combine(videos, "p", "2026 (2).webm")), "without %n a taken name gets a suffix");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void WithoutAHomeTildeIsNotAllowed()
    {
        var outputs = new OutputLocations("/nowhere/videos", "/nowhere/music", home: null, CallerFiles.OfDaemonUser, new FixedClock(Start));

        var error = Assert.Throws<RecorderException>(() => outputs.Claim("~/x.webm", "webm", hasVideo: true))!;

        Assert.That(error.Name, Is.EqualTo(DomErrorName.NotAllowedError));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
