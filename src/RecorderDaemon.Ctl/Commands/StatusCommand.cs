using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var path = RecorderTargets.PathArgument(ArgumentArity.ExactlyOne);
        var command = new Command("status", "Show one recorder: state, type, sources, file, recorded time, size, bitrates and owner") { path };
        return command.WithClientAction(async (parsed, client, cancellationToken) =>
        {
            var recorder = await RecorderTargets.OpenExistingAsync(client, parsed.GetValue(path)!, cancellationToken);
            Console.WriteLine($"""
                Path:      {recorder.ObjectPath}
                State:     {recorder.State.ToSpecName()}
                Type:      {recorder.MimeType}
                Sources:   {string.Join(' ', recorder.Sources)}
                File:      {recorder.Location}
                Time:      {Units.Time(recorder.Duration)}
                Size:      {Units.Size(recorder.BytesWritten)} ({recorder.BytesWritten} bytes)
                Audio:     {recorder.AudioBitsPerSecond} bit/s, {recorder.AudioBitrateMode.ToSpecName()}
                Video:     {recorder.VideoBitsPerSecond} bit/s
                Owner:     {recorder.Owner}
                """);
            return ExitCodes.Success;
        });
    }
}
