using RecorderDaemon.Client;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Client;

[TestFixture]
public sealed class MediaDeviceInfoTests
{
    [Test]
    public void ADeviceDictionaryIsReadByTheSpecsNamesAndMissingKeysAreEmpty()
    {
        var device = new Dictionary<string, VariantValue>
        {
            ["deviceId"] = VariantValue.String("v4l2:/dev/video0"),
            ["kind"] = VariantValue.String("videoinput"),
            ["label"] = VariantValue.String("Webcam"),
            ["serial"] = VariantValue.UInt32(7),
        };

        Assert.That(MediaDeviceInfo.FromDictionary(device), Is.EqualTo(new MediaDeviceInfo("v4l2:/dev/video0", "videoinput", "Webcam", "")));
    }
}
