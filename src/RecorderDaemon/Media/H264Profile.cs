using System.Globalization;

namespace RecorderDaemon.Media;

/// <summary>
/// What an RFC 6381 <c>avc1.PPCCLL</c> codec string asks for: the H.264 profile (<c>PP</c>, refined by the constraint
/// flags <c>CC</c>) and level (<c>LL</c>), which the encoder is held to by caps after it (openh264 writes both as asked).
/// </summary>
/// <param name="Id">the codec string as the MIME type names it, lower case</param>
/// <param name="Profile">the GStreamer caps name of the profile, e.g. <c>constrained-baseline</c></param>
/// <param name="Level">the GStreamer caps name of the level, e.g. <c>3.1</c></param>
public sealed record H264Profile(string Id, string Profile, string Level)
{
    private const byte ConstraintSet1 = 0x40;
    private const byte ConstraintSet3 = 0x10;
    private const byte ConstraintSets4And5 = 0x0C;

    /// <summary>Every level_idc of H.264 (Table A-1) but 1b, which has two spellings.</summary>
    private static readonly byte[] Levels = [10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52, 60, 61, 62];

    /// <summary>The caps a capsfilter after the encoder holds it to.</summary>
    public string Caps => $"video/x-h264,profile={Profile},level=(string){Level}";

    /// <summary>Parses <c>avc1.PPCCLL</c> (<paramref name="id"/> lower case); null with the reason when malformed or not recordable.</summary>
    public static H264Profile? Parse(string id, out string problem)
    {
        var hex = id.StartsWith("avc1.", StringComparison.Ordinal) ? id[5..] : "";
        if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"'{id}' is not an RFC 6381 H.264 codec string (avc1.PPCCLL: profile, constraint flags and level in hex)";
            return null;
        }

        var (profileIdc, constraints, levelIdc) = ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        var profile = (profileIdc, constraints) switch
        {
            (66, var flags) when (flags & ConstraintSet1) != 0 => "constrained-baseline",
            (66, _) => "baseline",
            (77, _) => "main",
            (100, var flags) when (flags & ConstraintSets4And5) == ConstraintSets4And5 => "constrained-high",
            (100, _) => "high",
            _ => null,
        };
        var level = LevelName(levelIdc, profileIdc, constraints);
        problem = (profile, level) switch
        {
            (null, _) => $"'{id}' asks for H.264 profile {profileIdc}, and recorderd's H.264 encoder (openh264) records constrained baseline (42), baseline, main (4D) and high (64)",
            (_, null) => $"'{id}' asks for H.264 level {levelIdc}, which is not a level",
            _ => "",
        };
        return profile is null || level is null ? null : new H264Profile(id, profile, level);
    }

    /// <summary>Level 1b is 9, or 11 with constraint_set3 in the baseline and main profiles; the others are tenths (31 is 3.1).</summary>
    private static string? LevelName(byte levelIdc, byte profileIdc, byte constraints)
    {
        if (levelIdc == 9 || (levelIdc == 11 && (constraints & ConstraintSet3) != 0 && profileIdc is 66 or 77))
        {
            return "1b";
        }

        return Levels.Contains(levelIdc) ? (levelIdc % 10 == 0 ? $"{levelIdc / 10}" : $"{levelIdc / 10}.{levelIdc % 10}") : null;
    }
}
