using System.Globalization;
using System.Text;

namespace RecorderDaemon.Recording;

/// <summary>
/// A <c>location</c> naming the files to come: <c>%Y %m %d %H %M %S</c> are the start's local date and time, <c>%n</c> a
/// counter (the first number, from 1, whose file does not exist yet), <c>%p</c> the profile's name and <c>%%</c> a
/// percent sign. A leading <c>~/</c> is the owner's home directory, and a relative path lies under the default
/// directory of the recording's kind. An absolute path without codes is a plain file path.
/// </summary>
public static class LocationTemplate
{
    private const string Codes = "YmdHMSnp%";

    /// <summary>Checks <paramref name="template"/>; it is returned as is.</summary>
    /// <exception cref="ArgumentException">an unknown or unfinished code, <c>%p</c> without a profile, a directory rather than a file, or nothing at all</exception>
    public static string Validate(string template, string? profile)
    {
        if (template.Length == 0 || template.EndsWith('/') || template == "~")
        {
            throw new ArgumentException($"option 'location' must name a file, not '{template}'");
        }

        for (var i = template.IndexOf('%'); i >= 0; i = template.IndexOf('%', i + 2))
        {
            if (i + 1 == template.Length || !Codes.Contains(template[i + 1]))
            {
                throw new ArgumentException($"option 'location' has an unknown code '{template[i..Math.Min(i + 2, template.Length)]}' in '{template}': use %Y %m %d %H %M %S %n %p or %%");
            }

            if (template[i + 1] == 'p' && profile is null)
            {
                throw new ArgumentException($"option 'location' uses %p in '{template}', but the recorder has no profile");
            }
        }

        return template;
    }

    public static bool HasCounter(string template) => template.Replace("%%", "", StringComparison.Ordinal).Contains("%n", StringComparison.Ordinal);

    /// <summary>The template with its codes replaced; <c>~</c> and relative paths are the caller's to place.</summary>
    public static string Expand(string template, DateTimeOffset now, string? profile, int counter)
    {
        var expanded = new StringBuilder(template.Length + 16);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '%')
            {
                expanded.Append(template[i]);
                continue;
            }

            i++;
            expanded.Append(template[i] switch
            {
                'Y' => now.ToString("yyyy", CultureInfo.InvariantCulture),
                'm' => now.ToString("MM", CultureInfo.InvariantCulture),
                'd' => now.ToString("dd", CultureInfo.InvariantCulture),
                'H' => now.ToString("HH", CultureInfo.InvariantCulture),
                'M' => now.ToString("mm", CultureInfo.InvariantCulture),
                'S' => now.ToString("ss", CultureInfo.InvariantCulture),
                'n' => counter.ToString(CultureInfo.InvariantCulture),
                'p' => profile,
                _ => "%",
            });
        }

        return expanded.ToString();
    }
}
