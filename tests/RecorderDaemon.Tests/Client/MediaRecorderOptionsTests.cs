using RecorderDaemon.Client;

namespace RecorderDaemon.Tests.Client;

[TestFixture]
public sealed class MediaRecorderOptionsTests
{
    [Test]
    public void NoOptionsIsAnEmptyDictionary() =>
        Assert.That(new MediaRecorderOptions().ToEntries(), Is.Empty);

    [Test]
    public void OnlySetMembersAreSentWithTheContractsNamesAndTypes()
    {
        var options = new MediaRecorderOptions { MimeType = "audio/ogg", AudioBitsPerSecond = 64000, StopOnDisconnect = false };

        Assert.That(Describe(options), Is.EqualTo(new[] { "mimeType String audio/ogg", "audioBitsPerSecond UInt32 64000", "stopOnDisconnect Bool False" }));
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
            AudioBitrateMode = BitrateMode.Constant,
            VideoKeyFrameIntervalDuration = 4,
            VideoKeyFrameIntervalCount = 5,
            Location = "/tmp/out.webm",
            StopOnDisconnect = true,
        };

        Assert.That(Describe(options), Is.EqualTo(new[]
        {
            "mimeType String video/webm",
            "audioBitsPerSecond UInt32 1",
            "videoBitsPerSecond UInt32 2",
            "bitsPerSecond UInt32 3",
            "audioBitrateMode String constant",
            "videoKeyFrameIntervalDuration UInt32 4",
            "videoKeyFrameIntervalCount UInt32 5",
            "location String /tmp/out.webm",
            "stopOnDisconnect Bool True",
        }));
    }

    // Key, D-Bus type and value of each entry of the a{sv}, in order.
    private static IEnumerable<string> Describe(MediaRecorderOptions options) =>
        options.ToEntries().Select(entry => $"{entry.Key} {entry.Value.Type} {entry.Value.ToString(includeTypeSuffix: false)}");
}
