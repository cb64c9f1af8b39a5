using RecorderDaemon.Bus;

namespace RecorderDaemon.Tests.Bus;

[TestFixture]
public sealed class BusNamesTests
{
    [TestCase(DomErrorName.InvalidStateError, "io.github.recorderd.Error.InvalidStateError")]
    [TestCase(DomErrorName.NotSupportedError, "io.github.recorderd.Error.NotSupportedError")]
    [TestCase(DomErrorName.NotFoundError, "io.github.recorderd.Error.NotFoundError")]
    [TestCase(DomErrorName.NotAllowedError, "io.github.recorderd.Error.NotAllowedError")]
    [TestCase(DomErrorName.SecurityError, "io.github.recorderd.Error.SecurityError")]
    [TestCase(DomErrorName.InvalidModificationError, "io.github.recorderd.Error.InvalidModificationError")]
    [TestCase(DomErrorName.QuotaExceededError, "io.github.recorderd.Error.QuotaExceededError")]
    [TestCase(DomErrorName.UnknownError, "io.github.recorderd.Error.UnknownError")]
    public void EachDomExceptionHasItsErrorNameOnTheWire(DomErrorName name, string errorName) =>
        Assert.That(BusNames.ErrorOf(name), Is.EqualTo(errorName));

    [Test]
    public void EveryDomExceptionNameIsSpelledOutAndTheyDiffer()
    {
        var spelled = Enum.GetValues<DomErrorName>().Select(name => name.Spelled()).ToList();

        Assert.That(spelled, Is.Unique);
        Assert.That(spelled, Has.All.EndsWith("Error"));
    }
}
