using RecorderDaemon.Client;

namespace RecorderDaemon.Tests.Client;

[TestFixture]
public sealed class MediaRecorderOptionsTests
{
    [Test]
    public void NoOptionsIsAnEmptyDictionary()
    {
        var options = new MediaRecorderOptions().ToVariant();

        Assert.That(options.TypeString, Is.EqualTo("a{sv}"));
        Assert.That(options.ChildCount, Is.Zero);
    }

    [Test]
    public void OnlySetMembersAreSentWithTheContractsNamesAndTypes()
    {
        var options = new MediaRecorderOptions { MimeType = "audio/ogg", AudioBitsPerSecond = 64000, StopOnDisconnect = false }.ToVariant();

        Assert.That(options.Print(), Is.EqualTo("{'mimeType': <'audio/ogg'>, 'audioBitsPerSecond': <uint32 64000>, 'stopOnDisconnect': <false>}"));
    }

    [Test]
    public void EveryMemberHasItsKeyAndType()
    {
        var options = new MediaRecorderOptions
        {
            MimeType = "video/webm",
            AudioBitsPerSecond = 1,
            VideoBitsPerSecond = 2,
            BitsPerSecond = 3,
            AudioBitrateMode = "constant",
            VideoKeyFrameIntervalDuration = 4,
            VideoKeyFrameIntervalCount = 5,
            Location = "/tmp/out.webm",
            StopOnDisconnect = true,
        }.ToVariant().ToVariantDictionary();

        Assert.That(
            options.Select(entry => $"{entry.Key} {entry.Value.Print(typeAnnotate: true)}"),
            Is.EqualTo(new[]
            {
                "mimeType 'video/webm'",
                "audioBitsPerSecond uint32 1",
                "videoBitsPerSecond uint32 2",
                "bitsPerSecond uint32 3",
                "audioBitrateMode 'constant'",
                "videoKeyFrameIntervalDuration uint32 4",
                "videoKeyFrameIntervalCount uint32 5",
                "location '/tmp/out.webm'",
                "stopOnDisconnect true",
            }));
    }
}
