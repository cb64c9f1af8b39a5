namespace RecorderDaemon.Recording;

/// <summary>The IDL enum strings of <see cref="BitrateMode"/>, matched exactly (WebIDL enums are case-sensitive).</summary>
public static class BitrateModeNames
{
    public const string Constant = "constant";
    public const string Variable = "variable";

    extension(BitrateMode mode)
    {
        public string ToSpecName() => mode switch
        {
            BitrateMode.Constant => Constant,
            BitrateMode.Variable => Variable,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };

        /// <exception cref="ArgumentException"><paramref name="value"/> is not exactly one of the enum strings</exception>
        public static BitrateMode Parse(string value) => value switch
        {
            Constant => BitrateMode.Constant,
            Variable => BitrateMode.Variable,
            _ => throw new ArgumentException($"'{value}' is not a BitrateMode (expected '{Constant}' or '{Variable}')", nameof(value)),
        };
    }
}
