using NUnit.Framework;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests;

[TestFixture]
public class SmokeTests
{
    [Test]
    public void GStreamerInitializesAndHasAudioTestSrc()
    {
        GstRuntime.Initialize();

        Assert.That(GstRuntime.HasElement("audiotestsrc"), Is.True,
            "audiotestsrc missing: is gstreamer1.0-plugins-base installed? (make deps)");
    }
}
