namespace RecorderDaemon.Bench;

/// <summary>A measurement could not be taken or gave a result that cannot be right; no figures are printed.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
