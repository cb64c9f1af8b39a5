using NUnit.Framework;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

public sealed class BitrateModeTests
{
    [TestCase("constant", BitrateMode.Constant)]
    [TestCase("variable", BitrateMode.Variable)]
    public void Parses_and_names_the_enum_strings(string name, BitrateMode mode)
    {
        Assert.That(BitrateMode.Parse(name), Is.EqualTo(mode));
        Assert.That(mode.ToSpecName(), Is.EqualTo(name));
    }

    [TestCase("Constant")]
    [TestCase("cbr")]
    [TestCase("vbr")]
    [TestCase(" variable")]
    [TestCase("")]
    public void Rejects_anything_else_naming_the_value(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => BitrateMode.Parse(name));

        Assert.That(exception!.Message, Does.Contain($"'{name}'"));
    }
}
