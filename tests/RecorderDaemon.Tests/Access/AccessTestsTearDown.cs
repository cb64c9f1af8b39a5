namespace RecorderDaemon.Tests.Access;

/// <summary>Runs once after every test of this namespace.</summary>
[SetUpFixture]
public sealed class AccessTestsTearDown
{
    [OneTimeTearDown]
    public void DeleteTestCallerCopy() => TestCaller.DeleteCopy();
}
