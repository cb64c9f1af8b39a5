using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecorderDaemon.Hosting;
using RecorderDaemon.Native;

// sysexits.h EX_CONFIG; the unit's RestartPreventExitStatus keeps systemd from restarting into the same mistake.
const int ConfigurationError = 78;

HostApplicationBuilder builder;
RecorderdOptions settings;
try
{
    builder = Host.CreateApplicationBuilder(CommandLine.ToConfigurationArgs(args));
    ConfigurationSources.Replace(builder.Configuration, args);
    settings = RecorderdOptionsLoader.Load(builder.Configuration);
}
catch (Exception exception) when (exception is OptionsValidationException or InvalidDataException or FormatException)
{
    using var startupLoggers = LoggerFactory.Create(logging =>
    {
        if (SystemdHelpers.IsSystemdService())
        {
            logging.AddSystemdConsole();
        }
        else
        {
            logging.AddSimpleConsole();
        }
    });
    var problem = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
    startupLoggers.CreateLogger("recorderd").LogCritical("Invalid configuration: {Problem}", problem);
    return ConfigurationError;
}

builder.Services.AddSystemd();
builder.Services.AddSingleton(Options.Create(settings));
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds));
builder.Services.AddSingleton(_ => new GLibLoop());
builder.Services.AddHostedService<RecorderService>();

try
{
    await builder.Build().RunAsync();
}
catch (Exception)
{
    // The host has logged it ("Hosting failed to start" with the exception) before disposing itself.
    return 1;
}

return 0;
