using NUnit.Framework;
using RecorderDaemon.Native;

// Outside any namespace, so NUnit runs it once around every test of the assembly.
[SetUpFixture]
public sealed class GstSetup
{
    [OneTimeSetUp]
    public void InitializeGStreamer()
    {
        GstRuntime.Initialize();
        GstRuntime.MakeWarningsFatal();
    }
}
