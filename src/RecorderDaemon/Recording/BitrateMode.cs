namespace RecorderDaemon.Recording;

/// <summary>The spec's <c>BitrateMode</c>; its wire names are <c>constant</c> and <c>variable</c>.</summary>
public enum BitrateMode
{
    Constant,
    Variable,
}
