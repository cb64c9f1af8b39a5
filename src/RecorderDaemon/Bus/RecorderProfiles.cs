using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>A configured profile: the sources and CreateRecorder options it stands for.</summary>
public sealed record RecorderProfileOptions(IReadOnlyList<string> Sources, IReadOnlyDictionary<string, VariantValue> Options);

/// <summary>
/// The configured profiles, by name. A CreateRecorder call with option <c>profile</c> gets the profile's options under
/// its own, which win, and the profile's sources when it names none.
/// </summary>
public sealed class RecorderProfiles(IReadOnlyDictionary<string, RecorderProfileOptions> profiles)
{
    public const string OptionName = "profile";

    public IReadOnlyList<string> Names { get; } = [.. profiles.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">the profile named is not configured, or the option is not a string</exception>
    public (IReadOnlyList<string> Sources, IReadOnlyDictionary<string, VariantValue> Options) Apply(
        IReadOnlyList<string> sources, IReadOnlyDictionary<string, VariantValue> options)
    {
        if (!options.TryGetValue(OptionName, out var value))
        {
            return (sources, options);
        }

        var name = OptionValue.Read(OptionName, value, VariantValueType.String).GetString();
        if (!profiles.TryGetValue(name, out var profile))
        {
            throw new ArgumentException(Names.Count == 0
                ? $"unknown profile '{name}': recorderd has none configured (Recorderd:Profiles)"
                : $"unknown profile '{name}': the profiles are {string.Join(", ", Names.Select(known => $"'{known}'"))}");
        }

        var merged = new Dictionary<string, VariantValue>(profile.Options);
        foreach (var (key, explicitValue) in options)
        {
            merged[key] = explicitValue;
        }

        return (sources.Count > 0 ? sources : profile.Sources, merged);
    }
}
