namespace RecorderDaemon.Tests;

/// <summary>Fixtures whose tests each get a fresh temp directory, <see cref="WorkDirectory"/>, deleted after the test.</summary>
public abstract class WorkDirectoryFixture(string prefix)
{
    protected string WorkDirectory { get; private set; } = "";

    [SetUp]
    public void CreateWorkDirectory() => WorkDirectory = Directory.CreateTempSubdirectory(prefix).FullName;

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(WorkDirectory, recursive: true);
}
