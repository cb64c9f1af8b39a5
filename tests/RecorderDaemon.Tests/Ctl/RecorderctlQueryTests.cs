using System.Text.RegularExpressions;

namespace RecorderDaemon.Tests.Ctl;

/// <summary><c>recorderctl types</c>, <c>devices</c> and <c>list</c>: what the daemon offers and holds, in script-readable lines.</summary>
[TestFixture]
public sealed class RecorderctlQueryTests : RecorderctlFixture
{
    [Test]
    public async Task TypesListsTheSupportedTypesOnePerLine()
    {
        var result = Run("types");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("audio/ogg;codecs=opus").And.Contain("video/webm;codecs=vp8,opus"));
        Assert.That(result.Output, Is.EqualTo(await Client.GetSupportedMimeTypesAsync()));
    }

    [Test]
    public void TypesWithArgumentsChecksEachAndExits1WhenOneIsNotSupported()
    {
        var result = Run("types", "audio/ogg;codecs=opus", "video/quicktime", "video/webm");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { "audio/ogg;codecs=opus\tsupported", "video/quicktime\tnot supported", "video/webm\tsupported" }));
    }

    [Test]
    public void TypesWithArgumentsExits0WhenAllAreSupported()
    {
        var result = Run("types", "audio/ogg;codecs=opus", "video/webm;codecs=vp9,opus");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo(new[] { "audio/ogg;codecs=opus\tsupported", "video/webm;codecs=vp9,opus\tsupported" }));
    }

    [Test]
    public async Task DevicesPrintsOneLinePerDeviceWithoutAHeader()
    {
        var result = Run("devices");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var devices = await Client.EnumerateDevicesAsync();
        Assert.That(result.Output, Has.Count.EqualTo(devices.Count), result.ToString());
        for (var i = 0; i < devices.Count; i++)
        {
            var (kind, id, label) = (Regex.Escape(devices[i].Kind), Regex.Escape(devices[i].DeviceId), Regex.Escape(devices[i].Label));
            Assert.That(result.Output[i], Does.Match($"^{kind} +{id} +{label}$"));
        }
    }

    [Test]
    public void ListPrintsNothingWithoutRecorders()
    {
        var result = Run("list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.Empty, "no header when stdout is not a terminal");
    }
}
