using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecorderDaemon.Bus;
using RecorderDaemon.Media;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Hosting;

/// <summary>Binds section <c>Recorderd</c> and checks every value, so a bad setting stops the daemon before it starts, naming the key.</summary>
public static class RecorderdOptionsLoader
{
    /// <summary>A day: longer timeouts are surely a mistake, and GLib timeouts count milliseconds in 32 bits.</summary>
    private const double MaxSeconds = 86_400;

    /// <exception cref="OptionsValidationException">a value cannot be converted, a key is unknown, or a value is out of range; the message names the key</exception>
    public static RecorderdOptions Load(IConfiguration configuration)
    {
        RecorderdOptions options;
        try
        {
            options = configuration.GetSection(RecorderdOptions.Section).Get<RecorderdOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new();
        }
        catch (InvalidOperationException exception)
        {
            throw new OptionsValidationException(RecorderdOptions.Section, typeof(RecorderdOptions), [exception.Message]);
        }

        var failures = Validate(options).ToList();
        return failures.Count == 0 ? options : throw new OptionsValidationException(RecorderdOptions.Section, typeof(RecorderdOptions), failures);
    }

    public static IEnumerable<string> Validate(RecorderdOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RecordGroup))
        {
            yield return Failure(nameof(options.RecordGroup), "must name a group", options.RecordGroup);
        }

        if (options.MaxConcurrentRecordings < 1)
        {
            yield return Failure(nameof(options.MaxConcurrentRecordings), "must be at least 1", options.MaxConcurrentRecordings);
        }

        if (options.MaxRecordersPerClient < 1)
        {
            yield return Failure(nameof(options.MaxRecordersPerClient), "must be at least 1", options.MaxRecordersPerClient);
        }

        if (options.MaxConcurrentRecordingsPerUser < 1)
        {
            yield return Failure(nameof(options.MaxConcurrentRecordingsPerUser), "must be at least 1", options.MaxConcurrentRecordingsPerUser);
        }

        if (!(options.StopTimeoutSeconds is > 0 and <= MaxSeconds))
        {
            yield return Failure(nameof(options.StopTimeoutSeconds), $"must be more than 0 and at most {MaxSeconds}", options.StopTimeoutSeconds);
        }

        if (!(options.ShutdownTimeoutSeconds is > 0 and <= MaxSeconds))
        {
            yield return Failure(nameof(options.ShutdownTimeoutSeconds), $"must be more than 0 and at most {MaxSeconds}", options.ShutdownTimeoutSeconds);
        }

        if (!(options.IdleExitSeconds is >= 0 and <= MaxSeconds))
        {
            yield return Failure(nameof(options.IdleExitSeconds), $"must be 0 (never) or at most {MaxSeconds}", options.IdleExitSeconds);
        }

        if (!(options.ScreenShareGraceSeconds is > 0 and <= MaxSeconds))
        {
            yield return Failure(nameof(options.ScreenShareGraceSeconds), $"must be more than 0 and at most {MaxSeconds}", options.ScreenShareGraceSeconds);
        }

        if (options.MinimumFreeSpaceBytes < 0)
        {
            yield return Failure(nameof(options.MinimumFreeSpaceBytes), "must be 0 (no check) or more", options.MinimumFreeSpaceBytes);
        }

        foreach (var (name, profile) in options.Profiles)
        {
            if (ProfileProblem(name, profile) is { } problem)
            {
                yield return $"{RecorderdOptions.Section}:Profiles:{name}: {problem}";
            }
        }

        foreach (var (codec, factories) in options.VideoEncoders)
        {
            if (RecordingFormats.FindCodec(codec) is not { Kind: TrackKind.Video })
            {
                yield return Failure($"{nameof(options.VideoEncoders)}:{codec}", "must be a video codec of the format table", codec);
            }
            else if (factories.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
            {
                yield return Failure($"{nameof(options.VideoEncoders)}:{codec}", "must name GStreamer element factories", blank);
            }
        }

        foreach (var (key, directory) in new[] { (nameof(options.VideosDirectory), options.VideosDirectory), (nameof(options.MusicDirectory), options.MusicDirectory) })
        {
            if (directory is { Length: > 0 } && !Path.IsPathFullyQualified(directory))
            {
                yield return Failure(key, "must be an absolute path", directory);
            }
        }
    }

    /// <summary>What CreateRecorder would say of the profile's options; null when it would take them.</summary>
    private static string? ProfileProblem(string name, RecorderProfile profile)
    {
        try
        {
            RecorderOptionsParser.Parse(new Dictionary<string, VariantValue>(profile.ToOptionValues()) { [RecorderProfiles.OptionName] = name });
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
        catch (RecorderException exception)
        {
            return exception.Message;
        }
    }

    private static string Failure(string key, string rule, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"{RecorderdOptions.Section}:{key} {rule}, not '{value}'");
}
