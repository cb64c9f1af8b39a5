namespace RecorderDaemon.Bus;

/// <summary>
/// How much one daemon takes on; going past a limit is QuotaExceededError. On the system bus the per-client
/// limits also hold for all of one user's connections together, and so does <paramref name="MaxConcurrentRecordingsPerUser"/>.
/// </summary>
public sealed record ServiceLimits(int MaxConcurrentRecordings = 16, int MaxRecordersPerClient = 64, int MaxConcurrentRecordingsPerUser = 4);
