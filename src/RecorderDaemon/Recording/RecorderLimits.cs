namespace RecorderDaemon.Recording;

/// <summary>
/// How much one daemon takes on; going past a limit is QuotaExceededError. With <paramref name="PerUser"/> (the
/// system bus) the per-client limit also holds for all of one user's connections together, and one user runs at most
/// <paramref name="MaxConcurrentRecordingsPerUser"/> recordings at once.
/// </summary>
public sealed record RecorderLimits(
    int MaxConcurrentRecordings = 16, int MaxRecordersPerClient = 64, int MaxConcurrentRecordingsPerUser = 4, bool PerUser = false);
