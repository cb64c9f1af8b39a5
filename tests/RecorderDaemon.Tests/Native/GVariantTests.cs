using NUnit.Framework;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GVariantTests
{
    [Test]
    public void ScalarsRoundTrip()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GVariant.String("héllo").GetString(), Is.EqualTo("héllo"));
            Assert.That(GVariant.ObjectPath("/io/github/recorderd").GetString(), Is.EqualTo("/io/github/recorderd"));
            Assert.That(GVariant.Boolean(true).GetBoolean(), Is.True);
            Assert.That(GVariant.UInt32(uint.MaxValue).GetUInt32(), Is.EqualTo(uint.MaxValue));
            Assert.That(GVariant.Int32(-5).GetInt32(), Is.EqualTo(-5));
            Assert.That(GVariant.UInt64(ulong.MaxValue).GetUInt64(), Is.EqualTo(ulong.MaxValue));
            Assert.That(GVariant.Double(1.5).GetDouble(), Is.EqualTo(1.5));
            Assert.That(GVariant.ObjectPath("/a").TypeString, Is.EqualTo("o"));
        });
    }

    [Test]
    public void VariantDictionaryWithNestedValuesRoundTrips()
    {
        var options = GVariant.VariantDictionary(new Dictionary<string, GVariant>
        {
            ["mimeType"] = GVariant.String("video/webm"),
            ["audioBitsPerSecond"] = GVariant.UInt32(128000),
            ["stopOnDisconnect"] = GVariant.Boolean(true),
            ["nested"] = GVariant.VariantDictionary([new("depth", GVariant.UInt64(2))]),
            ["sources"] = GVariant.StringArray(["test:audio", "test:video"]),
        });

        Assert.That(options.TypeString, Is.EqualTo("a{sv}"));
        var read = options.ToVariantDictionary();
        Assert.Multiple(() =>
        {
            Assert.That(read["mimeType"].GetString(), Is.EqualTo("video/webm"));
            Assert.That(read["audioBitsPerSecond"].GetUInt32(), Is.EqualTo(128000u));
            Assert.That(read["stopOnDisconnect"].GetBoolean(), Is.True);
            Assert.That(read["nested"].ToVariantDictionary()["depth"].GetUInt64(), Is.EqualTo(2ul));
            Assert.That(read["sources"].GetStrings(), Is.EqualTo(new[] { "test:audio", "test:video" }));
        });
    }

    [Test]
    public void StringArraysRoundTrip()
    {
        Assert.That(GVariant.StringArray(["a", "", "ü"]).GetStrings(), Is.EqualTo(new[] { "a", "", "ü" }));
        Assert.That(GVariant.StringArray([]).GetStrings(), Is.Empty);
        Assert.That(GVariant.ObjectPathArray(["/a", "/b/c"]).GetStrings(), Is.EqualTo(new[] { "/a", "/b/c" }));
        Assert.That(GVariant.ObjectPathArray(["/a"]).TypeString, Is.EqualTo("ao"));
    }

    [Test]
    public void UInt32ArraysRoundTrip()
    {
        Assert.That(GVariant.Array("u", [GVariant.UInt32(29), GVariant.UInt32(uint.MaxValue)]).GetUInt32s(), Is.EqualTo(new[] { 29u, uint.MaxValue }));
        Assert.That(GVariant.Array("u", []).GetUInt32s(), Is.Empty);
        Assert.Throws<InvalidCastException>(() => GVariant.Array("i", [GVariant.Int32(1)]).GetUInt32s());
    }

    [Test]
    public void ArrayOfDictionariesRoundTrips()
    {
        var devices = GVariant.Array("a{sv}",
        [
            GVariant.VariantDictionary([new("kind", GVariant.String("audioinput")), new("label", GVariant.String("Mic"))]),
            GVariant.VariantDictionary([new("kind", GVariant.String("videoinput"))]),
        ]);

        Assert.That(devices.TypeString, Is.EqualTo("aa{sv}"));
        Assert.That(devices.ChildCount, Is.EqualTo(2));
        Assert.That(devices.GetChild(1).ToVariantDictionary()["kind"].GetString(), Is.EqualTo("videoinput"));
        Assert.That(GVariant.Array("a{sv}", []).Print(typeAnnotate: true), Is.EqualTo("@aa{sv} []"));
    }

    [Test]
    public void ManagedObjectsShapeBuilds()
    {
        var interfaces = GVariant.Array("{sa{sv}}",
            [GVariant.DictEntry(GVariant.String("io.github.recorderd.MediaRecorder1"), GVariant.VariantDictionary([new("State", GVariant.String("inactive"))]))]);
        var objects = GVariant.Array("{oa{sa{sv}}}", [GVariant.DictEntry(GVariant.ObjectPath("/io/github/recorderd/recorder/1"), interfaces)]);

        Assert.That(objects.TypeString, Is.EqualTo("a{oa{sa{sv}}}"));
        Assert.That(objects.Print(),
            Is.EqualTo("{'/io/github/recorderd/recorder/1': {'io.github.recorderd.MediaRecorder1': {'State': <'inactive'>}}}"));
    }

    [Test]
    public void TuplesAndBoxes()
    {
        var tuple = GVariant.Tuple(GVariant.String("x"), GVariant.Variant(GVariant.UInt32(7)));

        Assert.That(tuple.TypeString, Is.EqualTo("(sv)"));
        Assert.That(tuple.GetChild(1).Unbox().GetUInt32(), Is.EqualTo(7u));
        Assert.That(GVariant.Tuple().TypeString, Is.EqualTo("()"));
        Assert.That(tuple.Print(), Is.EqualTo("('x', <uint32 7>)"));
    }

    [Test]
    public void EqualityComparesTypeAndValue()
    {
        Assert.That(GVariant.StringArray(["a", "b"]), Is.EqualTo(GVariant.StringArray(["a", "b"])));
        Assert.That(GVariant.StringArray(["a", "b"]).GetHashCode(), Is.EqualTo(GVariant.StringArray(["a", "b"]).GetHashCode()));
        Assert.That(GVariant.String("/a"), Is.Not.EqualTo(GVariant.ObjectPath("/a")));
        Assert.That(GVariant.UInt32(1), Is.Not.EqualTo(GVariant.UInt32(2)));
    }

    [Test]
    public void ChildrenOutliveTheirContainerAndViceVersa()
    {
        var child = GVariant.String("kept");
        var array = GVariant.Array("s", [child]);
        child.Dispose();
        using var read = array.GetChild(0);
        array.Dispose();

        Assert.That(read.GetString(), Is.EqualTo("kept"));
    }

    [Test]
    public void InvalidInputIsRejectedBeforeGLibSeesIt()
    {
        Assert.Throws<ArgumentException>(() => GVariant.ObjectPath("not/a/path"));
        Assert.Throws<ArgumentException>(() => GVariant.String("a\0b"));
        Assert.Throws<ArgumentException>(() => GVariant.Array("s", [GVariant.UInt32(1)]));
        Assert.Throws<ArgumentException>(() => GVariant.Array("a{", []));
        Assert.Throws<ArgumentException>(() => GVariant.Array("v*", []));
        Assert.Throws<ArgumentException>(() => GVariant.DictEntry(GVariant.StringArray([]), GVariant.UInt32(1)));
    }

    [Test]
    public void ReadingTheWrongTypeThrows()
    {
        Assert.Throws<InvalidCastException>(() => GVariant.UInt32(1).GetString());
        Assert.Throws<InvalidCastException>(() => GVariant.String("1").GetUInt32());
        Assert.Throws<InvalidCastException>(() => GVariant.String("1").Unbox());
        Assert.Throws<InvalidCastException>(() => _ = GVariant.String("1").ChildCount);
        Assert.Throws<InvalidCastException>(() => GVariant.Array("a{sv}", []).ToVariantDictionary());
        Assert.Throws<ArgumentOutOfRangeException>(() => GVariant.Tuple().GetChild(0));
    }
}
