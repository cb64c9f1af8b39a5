namespace RecorderDaemon.Recording;

/// <summary>
/// The free space recordings leave on a file system, so that a full disk never cuts a file short: a recording does not
/// start below it, and one that crosses it is ended while its file can still be finalized. Configured, or 1% of the file
/// system and at most 256 MiB; 0 turns the check off.
/// </summary>
public sealed class FreeSpaceMinimum(long? configuredBytes = null)
{
    public const long DefaultCeilingBytes = 256L << 20;

    /// <summary>What is wrong with the free space of the file system <paramref name="output"/> is on; null when there is enough.</summary>
    public string? Shortfall(RecordingOutput output)
    {
        if (configuredBytes == 0)
        {
            return null;
        }

        // statvfs of the descriptor's /proc link measures the file system the file is on, whatever its name (or none).
        var space = new DriveInfo($"/proc/self/fd/{output.Handle.DangerousGetHandle()}");
        var minimum = configuredBytes ?? Math.Min(DefaultCeilingBytes, space.TotalSize / 100);
        var available = space.AvailableFreeSpace;
        return available >= minimum
            ? null
            : $"{Megabytes(available)} are free on the file system of {output.Name}, and recorderd keeps {Megabytes(minimum)} free (Recorderd:MinimumFreeSpaceBytes)";
    }

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.#} MiB";
}
