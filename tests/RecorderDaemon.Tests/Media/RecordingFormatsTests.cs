using NUnit.Framework;
using RecorderDaemon.Media;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Media;

public sealed class RecordingFormatsTests
{
    [TestCase("audio/webm;codecs=opus")]
    [TestCase("audio/webm;codecs=vorbis")]
    [TestCase("video/webm;codecs=vp8")]
    [TestCase("video/webm;codecs=vp9")]
    [TestCase("video/webm;codecs=vp8,opus")]
    [TestCase("video/webm;codecs=vp9,opus")]
    [TestCase("audio/ogg;codecs=opus")]
    [TestCase("audio/ogg;codecs=vorbis")]
    [TestCase("audio/ogg;codecs=flac")]
    public void Lists_the_types_every_installation_here_records(string mimeType) =>
        Assert.That(RecordingFormats.SupportedMimeTypes, Does.Contain(mimeType));

    [Test]
    public void Lists_each_type_once_in_canonical_form()
    {
        var mimeTypes = RecordingFormats.KnownFormats.Select(format => format.MimeType).ToArray();

        Assert.That(mimeTypes, Is.Unique);
        Assert.That(mimeTypes, Has.All.Matches(@"^(audio|video)/[a-z0-9-]+;codecs=[a-z0-9.]+(,[a-z0-9.]+)?$"));
    }

    [Test]
    public void Puts_the_video_codec_first()
    {
        foreach (var format in RecordingFormats.KnownFormats.Where(format => format.Audio is not null && format.Video is not null))
        {
            Assert.That(format.MimeType, Does.EndWith($"codecs={format.Video!.Name},{format.Audio!.Name}"));
        }
    }

    [Test]
    public void Gives_audio_types_only_audio_codecs()
    {
        var audioTypes = RecordingFormats.KnownFormats.Where(format => format.MimeType.StartsWith("audio/", StringComparison.Ordinal));

        Assert.That(audioTypes.Select(format => format.Video), Has.All.Null);
        Assert.That(audioTypes.Select(format => format.Audio), Has.None.Null);
    }

    [Test]
    public void Keeps_each_codec_in_the_containers_it_fits()
    {
        var pairs = RecordingFormats.KnownFormats
            .SelectMany(format => new[] { format.Audio, format.Video }.OfType<CodecFormat>().Select(codec => $"{codec.Name} in {format.Container.Name}"))
            .Distinct()
            .Order();

        Assert.That(pairs, Is.EqualTo(new[]
        {
            "av01 in mp4", "av01 in webm", "av01 in x-matroska", "avc1 in mp4", "avc1 in x-matroska", "flac in ogg", "flac in x-matroska",
            "mp4a.40.2 in mp4", "mp4a.40.2 in x-matroska", "opus in mp4", "opus in ogg", "opus in webm", "opus in x-matroska", "pcm in x-matroska",
            "theora in ogg", "theora in x-matroska", "vorbis in ogg", "vorbis in webm", "vorbis in x-matroska",
            "vp8 in ogg", "vp8 in webm", "vp8 in x-matroska", "vp9 in mp4", "vp9 in webm", "vp9 in x-matroska",
        }));
    }

    [Test]
    public void Has_default_codecs_of_the_right_kind_that_fit_their_container()
    {
        foreach (var container in RecordingFormats.Containers)
        {
            var audio = RecordingFormats.FindCodec(container.DefaultAudio);
            var video = RecordingFormats.FindCodec(container.DefaultVideo);

            Assert.That(audio, Is.Not.Null.And.Property(nameof(CodecFormat.Kind)).EqualTo(TrackKind.Audio), container.Name);
            Assert.That(video, Is.Not.Null.And.Property(nameof(CodecFormat.Kind)).EqualTo(TrackKind.Video), container.Name);
            Assert.That(audio!.FitsIn(container) && video!.FitsIn(container), Is.True, container.Name);
        }
    }

    [Test]
    public void Needs_only_the_muxer_encoders_and_parsers_of_a_format()
    {
        var format = TypeSupport.Resolve("video/webm;codecs=vp9,opus", hasAudio: true, hasVideo: true);

        Assert.That(format.RequiredElements, Is.EquivalentTo(new[] { "webmmux", "vp9enc", "vp9parse", "opusenc", "opusparse" }));
        Assert.That(format.FindMissingElement(), Is.Null);
    }
}
