using NUnit.Framework;
using RecorderDaemon.Media;

namespace RecorderDaemon.Tests.Media;

public sealed class MimeTypeTests
{
    [TestCase("video/webm", "video", "webm")]
    [TestCase("Audio/WebM", "audio", "webm")]
    [TestCase("video/x-matroska", "video", "x-matroska")]
    [TestCase("video/webm;", "video", "webm")]
    public void Parses_type_and_subtype_case_insensitively(string text, string type, string subtype)
    {
        Assert.That(MimeType.TryParse(text, out var mimeType), Is.True);
        Assert.That((mimeType!.Type, mimeType.Subtype, mimeType.Essence), Is.EqualTo((type, subtype, $"{type}/{subtype}")));
        Assert.That(mimeType.CodecIds, Is.Null);
    }

    [TestCase("video/webm;codecs=vp8", new[] { "vp8" })]
    [TestCase("video/webm;codecs=vp8,opus", new[] { "vp8", "opus" })]
    [TestCase("video/webm;codecs=vp8, opus ", new[] { "vp8", "opus" })]
    [TestCase("video/webm; codecs=\"vp8, opus\"", new[] { "vp8", "opus" })]
    [TestCase("video/webm ;\tCODECS=\"VP8,OPUS\"", new[] { "vp8", "opus" })]
    [TestCase("video/mp4;codecs=\"avc1.64001E, mp4a.40.2\"", new[] { "avc1.64001e", "mp4a.40.2" })]
    [TestCase("video/webm;codecs=\"vp8,\"", new[] { "vp8", "" })]
    [TestCase("video/webm;codecs=\"vp8 opus\"", new[] { "vp8 opus" })]
    [TestCase("audio/ogg; rate=48000; codecs=opus", new[] { "opus" })]
    public void Splits_codecs_strictly_on_commas_and_keeps_the_identifier(string text, string[] ids)
    {
        Assert.That(MimeType.TryParse(text, out var mimeType), Is.True);
        Assert.That(mimeType!.CodecIds, Is.EqualTo(ids));
    }

    [Test]
    public void Unquotes_parameter_values_and_lower_cases_names()
    {
        Assert.That(MimeType.TryParse("audio/ogg; Name=\"a \\\"b\\\";c\"; x=Y", out var mimeType), Is.True);
        Assert.That(mimeType!.Parameters, Is.EqualTo(new Dictionary<string, string> { ["name"] = "a \"b\";c", ["x"] = "Y" }));
    }

    [TestCase("")]
    [TestCase("''")]
    [TestCase("video/")]
    [TestCase("/webm")]
    [TestCase("video")]
    [TestCase("video/webm/x")]
    [TestCase(" video/webm")]
    [TestCase("video /webm")]
    [TestCase("video/webm codecs=vp8")]
    [TestCase("video/webm;codecs")]
    [TestCase("video/webm;codecs=")]
    [TestCase("video/webm;codecs=vp8\u0001")]
    [TestCase("video/webm;codecs=\"vp8\"opus")]
    [TestCase("video/webm;codecs=\"vp8")]
    [TestCase("video/webm;codecs=vp8;codecs=opus")]
    [TestCase("vidéo/webm")]
    [TestCase("!@#$%^&*()")]
    public void Rejects_invalid_mime_types(string text)
    {
        Assert.That(MimeType.TryParse(text, out var mimeType), Is.False);
        Assert.That(mimeType, Is.Null);
    }
}
