using RecorderDaemon.Client;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Client;

[TestFixture]
public sealed class MediaDeviceInfoTests
{
    [Test]
    public void ADeviceDictionaryIsReadByTheSpecsNamesAndMissingKeysAreEmpty()
    {
        var device = GVariant.VariantDictionary(new Dictionary<string, GVariant>
        {
            ["deviceId"] = GVariant.String("v4l2:/dev/video0"),
            ["kind"] = GVariant.String("videoinput"),
            ["label"] = GVariant.String("Webcam"),
            ["serial"] = GVariant.UInt32(7),
        });

        Assert.That(MediaDeviceInfo.FromVariant(device), Is.EqualTo(new MediaDeviceInfo("v4l2:/dev/video0", "videoinput", "Webcam", "")));
    }
}
