using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The spec's "is type supported" and the start-time choice of container and codecs, over
/// <see cref="RecordingFormats"/>. Both share one check, so IsTypeSupported and CreateRecorder agree.
/// Every codec in the table counts as "synchronously exposed" (checklist P2): nothing is deferred.
/// </summary>
public static class TypeSupport
{
    /// <summary><c>MediaRecorder.isTypeSupported</c>: true when this machine can record <paramref name="mimeType"/>.</summary>
    public static bool IsTypeSupported(string mimeType) => mimeType.Length == 0 || Match(mimeType, out _) is not null;

    /// <summary>
    /// Chooses the format for <c>start()</c> from the constrained MIME type and the stream's live track kinds.
    /// Codecs for a kind the stream lacks are dropped; missing ones are taken from the container's defaults.
    /// </summary>
    /// <exception cref="RecorderException">NotSupportedError: the stream has no tracks, or the type cannot record them</exception>
    public static RecordingFormat Resolve(string constrainedMimeType, bool hasAudio, bool hasVideo)
    {
        if (!hasAudio && !hasVideo)
        {
            throw RecorderException.NotSupported("the stream has no tracks");
        }

        if (constrainedMimeType.Length == 0)
        {
            constrainedMimeType = hasVideo ? RecordingFormats.WebM.VideoMediaType : RecordingFormats.WebM.AudioMediaType;
        }

        var candidate = Match(constrainedMimeType, out var problem) ?? throw RecorderException.NotSupported(problem);
        if (hasVideo && candidate.Type == "audio")
        {
            throw RecorderException.NotSupported($"'{constrainedMimeType}' is an audio type and cannot record the stream's video track");
        }

        return RecordingFormat.Compose(
            candidate.Type,
            candidate.Container,
            hasAudio ? candidate.Audio ?? throw NoCodecFor(TrackKind.Audio, constrainedMimeType) : null,
            hasVideo ? candidate.Video ?? throw NoCodecFor(TrackKind.Video, constrainedMimeType) : null,
            hasVideo ? candidate.VideoProfile : null);
    }

    /// <summary>Checks a non-empty MIME type against the table and the registry; null with the reason when unsupported.</summary>
    private static Candidate? Match(string mimeType, out string problem)
    {
        if (!MimeType.TryParse(mimeType, out var parsed))
        {
            problem = $"'{mimeType}' is not a valid MIME type";
            return null;
        }

        var container = RecordingFormats.FindContainer(parsed.Subtype);
        if (container is null || parsed.Type is not ("audio" or "video"))
        {
            problem = $"'{parsed.Essence}' is not a container recorderd can record";
            return null;
        }

        problem = "";
        var candidate = parsed.CodecIds is null
            ? DefaultsOf(parsed.Type, container)
            : NamedCodecs(parsed, container, out problem);
        if (candidate is null)
        {
            return null;
        }

        var missing = RecordingFormat.Compose(parsed.Type, container, candidate.Audio, candidate.Video, candidate.VideoProfile).FindMissingElement();
        if (missing is not null)
        {
            problem = $"'{mimeType}' needs the GStreamer element '{missing}', which is not installed";
            return null;
        }

        return candidate;
    }

    private static Candidate DefaultsOf(string type, ContainerFormat container) => new(
        type,
        container,
        RecordingFormats.FindCodec(container.DefaultAudio),
        type == "video" ? RecordingFormats.FindCodec(container.DefaultVideo) : null);

    private static Candidate? NamedCodecs(MimeType parsed, ContainerFormat container, out string problem)
    {
        var candidate = new Candidate(parsed.Type, container, null, null);
        foreach (var id in parsed.CodecIds!)
        {
            var codec = RecordingFormats.FindCodec(id);
            problem = codec switch
            {
                null => $"'{id}' is not a codec recorderd can record",
                { Kind: TrackKind.Video } when parsed.Type == "audio" => $"'{parsed.Essence}' cannot hold the video codec '{id}'",
                _ when !codec.FitsIn(container) => $"the codec '{id}' cannot be stored in {container.Name}",
                { Kind: TrackKind.Audio } when candidate.Audio is not null => $"'{parsed.Essence}' names more than one audio codec",
                { Kind: TrackKind.Video } when candidate.Video is not null => $"'{parsed.Essence}' names more than one video codec",
                _ => "",
            };
            if (codec is null || problem.Length > 0)
            {
                return null;
            }

            if (codec == RecordingFormats.H264 && id != codec.Name)
            {
                candidate = candidate with { VideoProfile = H264Profile.Parse(id, out problem) };
                if (candidate.VideoProfile is null)
                {
                    return null;
                }
            }

            candidate = codec.Kind == TrackKind.Audio ? candidate with { Audio = codec } : candidate with { Video = codec };
        }

        problem = "";
        return candidate;
    }

    private static RecorderException NoCodecFor(TrackKind kind, string mimeType)
    {
        var name = kind.ToString().ToLowerInvariant();
        return RecorderException.NotSupported($"'{mimeType}' names no {name} codec for the stream's {name} track");
    }

    private sealed record Candidate(string Type, ContainerFormat Container, CodecFormat? Audio, CodecFormat? Video, H264Profile? VideoProfile = null);
}
