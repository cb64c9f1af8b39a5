using NUnit.Framework;
using RecorderDaemon.Media;

namespace RecorderDaemon.Tests.Media;

public sealed class TypeSupportTests
{
    [TestCase("")]
    [TestCase("video/webm")]
    [TestCase("audio/webm")]
    [TestCase("audio/ogg")]
    [TestCase("video/ogg")]
    [TestCase("VIDEO/WebM")]
    [TestCase("video/webm;codecs=vp8")]
    [TestCase("video/webm;codecs=vp9")]
    [TestCase("video/webm;codecs=vp8,opus")]
    [TestCase("video/webm; codecs=\"vp8, opus\"")]
    [TestCase("video/webm;codecs=\"VP9.0, Opus\"")]
    [TestCase("video/webm;codecs=opus")]
    [TestCase("video/webm;codecs=vp8,vorbis")]
    [TestCase("audio/webm;codecs=opus")]
    [TestCase("audio/webm;codecs=vorbis")]
    [TestCase("audio/ogg;codecs=opus")]
    [TestCase("audio/ogg;codecs=vorbis")]
    [TestCase("audio/ogg;codecs=flac")]
    [TestCase("video/ogg;codecs=theora,flac")]
    [TestCase("video/ogg;codecs=vp8")]
    [TestCase("video/mp4")]
    [TestCase("audio/mp4")]
    [TestCase("video/mp4;codecs=\"avc1.42E01E, mp4a.40.2\"")]
    [TestCase("video/mp4;codecs=av01,opus")]
    [TestCase("video/x-matroska;codecs=avc1")]
    [TestCase("video/x-matroska;codecs=vp9,pcm")]
    [TestCase("audio/x-matroska;codecs=flac")]
    [TestCase("video/webm;codecs=av01,opus")]
    public void Supports(string mimeType) => Assert.That(TypeSupport.IsTypeSupported(mimeType), Is.True);

    [TestCase("''", TestName = "the literal two apostrophes")]
    [TestCase("video/")]
    [TestCase("/webm")]
    [TestCase("garbage")]
    [TestCase("audio/banana")]
    [TestCase("video/pineapple")]
    [TestCase("video/invalid")]
    [TestCase("text/webm")]
    [TestCase("video/mp4;codecs=vp8", TestName = "vp8 in mp4")]
    [TestCase("audio/mp4;codecs=mp4a.40.5", TestName = "HE-AAC, not recorded")]
    [TestCase("audio/mp4;codecs=mp4a", TestName = "AAC without its object type")]
    [TestCase("audio/webm;codecs=pcm", TestName = "pcm in webm")]
    [TestCase("video/mp4;codecs=avc1.6E0028", TestName = "H.264 High 10, which openh264 does not record")]
    [TestCase("video/mp4;codecs=avc1.42E0", TestName = "a truncated avc1 codec string")]
    [TestCase("video/webm;codecs=avc1", TestName = "avc1 in webm")]
    [TestCase("video/webm;codecs=h264")]
    [TestCase("video/webm;codecs=\"vp8,\"", TestName = "an empty codec")]
    [TestCase("video/webm;codecs=vp8,vp9", TestName = "two video codecs")]
    [TestCase("video/webm;codecs=opus,vorbis", TestName = "two audio codecs")]
    [TestCase("video/webm;codecs=opus,opus", TestName = "the same audio codec twice")]
    [TestCase("audio/webm;codecs=vp8", TestName = "a video codec in an audio type")]
    [TestCase("audio/webm;codecs=opus,vp8", TestName = "an audio and a video codec in an audio type")]
    [TestCase("video/webm;codecs=theora", TestName = "theora in webm")]
    [TestCase("audio/webm;codecs=flac", TestName = "flac in webm")]
    [TestCase("video/ogg;codecs=vp9", TestName = "vp9 in ogg")]
    public void Does_not_support(string mimeType) => Assert.That(TypeSupport.IsTypeSupported(mimeType), Is.False);

    [TestCase(true, false, "audio/webm;codecs=opus")]
    [TestCase(false, true, "video/webm;codecs=vp8")]
    [TestCase(true, true, "video/webm;codecs=vp8,opus")]
    public void Resolves_the_empty_type_to_the_safe_defaults(bool hasAudio, bool hasVideo, string expected) =>
        Assert.That(TypeSupport.Resolve("", hasAudio, hasVideo).MimeType, Is.EqualTo(expected));

    [TestCase("video/mp4", true, true, "video/mp4;codecs=avc1,mp4a.40.2")]
    [TestCase("audio/mp4", true, false, "audio/mp4;codecs=mp4a.40.2")]
    [TestCase("video/x-matroska", true, true, "video/x-matroska;codecs=vp8,opus")]
    [TestCase("video/mp4;codecs=\"avc1.42E01E,mp4a.40.2\"", true, true, "video/mp4;codecs=avc1.42e01e,mp4a.40.2")]
    [TestCase("video/x-matroska;codecs=avc1.4D401F", false, true, "video/x-matroska;codecs=avc1.4d401f")]
    [TestCase("video/webm", true, true, "video/webm;codecs=vp8,opus")]
    [TestCase("video/webm", true, false, "video/webm;codecs=opus")]
    [TestCase("audio/webm", true, false, "audio/webm;codecs=opus")]
    [TestCase("video/ogg", true, true, "video/ogg;codecs=theora,opus")]
    [TestCase("audio/ogg", true, false, "audio/ogg;codecs=opus")]
    [TestCase("Video/WebM", false, true, "video/webm;codecs=vp8")]
    public void Fills_in_the_container_defaults(string constrained, bool hasAudio, bool hasVideo, string expected) =>
        Assert.That(TypeSupport.Resolve(constrained, hasAudio, hasVideo).MimeType, Is.EqualTo(expected));

    [TestCase("video/webm; codecs=\"opus, vp9\"", true, true, "video/webm;codecs=vp9,opus")]
    [TestCase("video/webm;codecs=vp9,opus", false, true, "video/webm;codecs=vp9")]
    [TestCase("video/webm;codecs=vp9,opus", true, false, "video/webm;codecs=opus")]
    [TestCase("audio/ogg;codecs=flac", true, false, "audio/ogg;codecs=flac")]
    [TestCase("video/ogg;codecs=vp8,vorbis", true, true, "video/ogg;codecs=vp8,vorbis")]
    public void Uses_the_named_codecs_of_the_recorded_kinds(string constrained, bool hasAudio, bool hasVideo, string expected) =>
        Assert.That(TypeSupport.Resolve(constrained, hasAudio, hasVideo).MimeType, Is.EqualTo(expected));

    [Test]
    public void Resolves_to_the_table_rows()
    {
        var format = TypeSupport.Resolve("video/ogg;codecs=theora,vorbis", hasAudio: true, hasVideo: true);

        Assert.That(format.Container, Is.SameAs(RecordingFormats.Ogg));
        Assert.That(format.Audio, Is.SameAs(RecordingFormats.FindCodec("vorbis")));
        Assert.That(format.Video, Is.SameAs(RecordingFormats.FindCodec("theora")));
        Assert.That(format.Extension, Is.EqualTo("ogg"));
    }

    [TestCase("audio/webm", false, true, "video track")]
    [TestCase("audio/ogg;codecs=opus", true, true, "video track")]
    [TestCase("video/webm;codecs=vp8", true, true, "no audio codec")]
    [TestCase("video/webm;codecs=opus", true, true, "no video codec")]
    [TestCase("video/webm;codecs=opus", false, true, "no video codec")]
    [TestCase("video/invalid", true, true, "'video/invalid' is not a container")]
    [TestCase("video/webm;codecs=h264", false, true, "'h264' is not a codec")]
    [TestCase("video/webm;codecs=vp8,vp9", false, true, "more than one video codec")]
    [TestCase("''", true, false, "not a valid MIME type")]
    [TestCase("", false, false, "the stream has no tracks")]
    [TestCase("video/webm", false, false, "the stream has no tracks")]
    public void Refuses_what_it_cannot_record_with_NotSupported(string constrained, bool hasAudio, bool hasVideo, string problem)
    {
        var exception = Assert.Throws<RecorderException>(() => TypeSupport.Resolve(constrained, hasAudio, hasVideo));

        Assert.That(exception!.Name, Is.EqualTo(DomErrorName.NotSupportedError));
        Assert.That(exception.Message, Does.Contain(problem));
    }

    [Test]
    public void Agrees_with_Resolve_on_every_supported_format()
    {
        foreach (var format in RecordingFormats.SupportedFormats)
        {
            Assert.That(TypeSupport.IsTypeSupported(format.MimeType), Is.True, format.MimeType);
            Assert.That(TypeSupport.Resolve(format.MimeType, format.Audio is not null, format.Video is not null), Is.EqualTo(format));
        }
    }
}
