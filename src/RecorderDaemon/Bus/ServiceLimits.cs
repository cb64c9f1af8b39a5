namespace RecorderDaemon.Bus;

/// <summary>How much one daemon takes on; going past a limit is QuotaExceededError.</summary>
public sealed record ServiceLimits(int MaxConcurrentRecordings = 16, int MaxRecordersPerClient = 64);
