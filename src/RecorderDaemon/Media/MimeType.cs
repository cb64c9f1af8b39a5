using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RecorderDaemon.Media;

/// <summary>
/// A MIME type as "is type supported" reads it: RFC 9110 <c>type "/" subtype *( OWS ";" OWS [ name "=" value ] )</c>,
/// the value a quoted string or, as WHATWG MIME Sniffing allows, unquoted text up to the next <c>;</c>
/// (so <c>codecs=vp8,opus</c> is valid, as browsers accept it). Type, subtype and names are lower-cased.
/// </summary>
public sealed class MimeType
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    private MimeType(string type, string subtype, IReadOnlyDictionary<string, string> parameters)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
        CodecIds = parameters.TryGetValue("codecs", out var codecs) ? CodecIdsOf(codecs) : null;
    }

    /// <summary>The top-level type, e.g. <c>audio</c>.</summary>
    public string Type { get; }

    public string Subtype { get; }

    /// <summary><c>type/subtype</c>, e.g. <c>video/webm</c>.</summary>
    public string Essence => $"{Type}/{Subtype}";

    /// <summary>Parameter values by lower-cased name; quoted values are unquoted.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>
    /// The <c>codecs</c> parameter split strictly on <c>,</c>, each entry trimmed, in ASCII lower case
    /// (<c>avc1.64001E</c> gives <c>avc1.64001e</c>); null without that parameter.
    /// </summary>
    public IReadOnlyList<string>? CodecIds { get; }

    /// <summary>Parses <paramref name="text"/>; a duplicated parameter name makes it invalid, as its meaning would be ambiguous.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MimeType? mimeType)
    {
        mimeType = null;
        var reader = new Reader(text);
        var type = reader.Token();
        if (type.Length == 0 || !reader.Take('/'))
        {
            return false;
        }

        var subtype = reader.Token();
        if (subtype.Length == 0)
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!reader.AtEnd)
        {
            reader.SkipWhitespace();
            if (!reader.Take(';'))
            {
                return false;
            }

            reader.SkipWhitespace();
            if (reader.AtEnd || reader.Peek == ';')
            {
                continue;
            }

            var name = reader.Token().ToLowerInvariant();
            if (name.Length == 0 || !reader.Take('=') || !reader.TryValue(out var value) || !parameters.TryAdd(name, value))
            {
                return false;
            }
        }

        mimeType = new MimeType(type.ToLowerInvariant(), subtype.ToLowerInvariant(), parameters);
        return true;
    }

    private static string[] CodecIdsOf(string codecs) =>
        codecs.Split(',', StringSplitOptions.TrimEntries)
            .Select(codec => codec.ToLowerInvariant())
            .ToArray();

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c);

    private ref struct Reader(string text)
    {
        private int _position;

        public readonly bool AtEnd => _position == text.Length;

        public readonly char Peek => text[_position];

        public bool Take(char expected)
        {
            if (AtEnd || Peek != expected)
            {
                return false;
            }

            _position++;
            return true;
        }

        public void SkipWhitespace()
        {
            while (!AtEnd && Peek is ' ' or '\t')
            {
                _position++;
            }
        }

        public string Token()
        {
            var start = _position;
            while (!AtEnd && IsTokenChar(Peek))
            {
                _position++;
            }

            return text[start.._position];
        }

        public bool TryValue(out string value)
        {
            if (!Take('"'))
            {
                var end = text.IndexOf(';', _position) is var semicolon and >= 0 ? semicolon : text.Length;
                value = text[_position..end].TrimEnd(' ', '\t');
                _position = end;
                return value.Length > 0 && value.All(IsQuotedTextChar);
            }

            var unquoted = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_position++];
                if (c == '"')
                {
                    value = unquoted.ToString();
                    return true;
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        break;
                    }

                    c = text[_position++];
                }

                if (!IsQuotedTextChar(c))
                {
                    break;
                }

                unquoted.Append(c);
            }

            value = "";
            return false;
        }

        // qdtext and quoted-pair of RFC 9110: tab, space, visible ASCII and obs-text (U+0080–U+00FF).
        private static bool IsQuotedTextChar(char c) => c is '\t' or (>= ' ' and <= '~') or (>= '\u0080' and <= '\u00ff');
    }
}
