using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstCapsTests
{
    [Test]
    public void CapsAreBuiltFieldByField()
    {
        using var caps = GstCaps.Create("video/x-raw").With("width", 160).WithFraction("framerate", 30, 1);

        Assert.That(caps.ToString(), Is.EqualTo("video/x-raw, width=(int)160, framerate=(fraction)30/1"));
    }

    [Test]
    public void CapsSetOnAnElementAreSharedAndRefuseChanges()
    {
        using var filter = GstElement.TryMake("capsfilter")!;
        using var caps = GstCaps.Create("video/x-raw").With("width", 160);
        filter.Set("caps", caps);

        Assert.That(() => caps.With("height", 120), Throws.InvalidOperationException.With.Message.Contains("shared"));
        Assert.That(caps.ToString(), Is.EqualTo("video/x-raw, width=(int)160"));
    }
}
