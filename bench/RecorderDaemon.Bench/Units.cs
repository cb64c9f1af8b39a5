namespace RecorderDaemon.Bench;

internal static class Units
{
    public static double KiB(long bytes) => bytes / 1024.0;

    public static double MiB(long bytes) => bytes / (1024.0 * 1024.0);
}
