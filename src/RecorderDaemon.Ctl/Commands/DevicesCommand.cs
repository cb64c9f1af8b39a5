using System.CommandLine;

namespace RecorderDaemon.Ctl.Commands;

internal static class DevicesCommand
{
    public static Command Create() =>
        new Command("devices", """
            List the capture devices recorderd sees (PipeWire nodes, V4L2 cameras): KIND, DEVICE and LABEL.
            DEVICE is a source URI for --audio or --video.
            """).WithClientAction(async (_, client, cancellationToken) =>
        {
            var table = new Table("KIND", "DEVICE", "LABEL");
            foreach (var device in await client.EnumerateDevicesAsync(cancellationToken))
            {
                table.Add(device.Kind, device.DeviceId, device.Label);
            }

            table.Print();
            return ExitCodes.Success;
        });
}
