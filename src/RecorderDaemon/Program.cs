using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecorderDaemon.Hosting;
using RecorderDaemon.Native;

// sysexits.h EX_CONFIG; the unit's RestartPreventExitStatus keeps systemd from restarting into the same mistake.
const int ConfigurationError = 78;

// sysexits.h EX_UNAVAILABLE: recorderd lost the bus; Restart=on-failure starts it again.
const int BusLost = 69;

var startup = new StartupClock(Stopwatch.GetTimestamp());
HostApplicationBuilder builder;
RecorderdOptions settings;
try
{
    // Without the defaults: they add appsettings.json files watched for changes, whose watcher walks the whole working
    // directory tree (hundreds of ms, and inotify watches, when started from a home directory).
    builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    ConfigurationSources.Add(builder.Configuration, args);
    settings = RecorderdOptionsLoader.Load(builder.Configuration);
}
catch (Exception exception) when (exception is OptionsValidationException or InvalidDataException or FormatException)
{
    using var startupLoggers = LoggerFactory.Create(AddConsoleLogging);
    var problem = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
    startupLoggers.CreateLogger("recorderd").LogCritical("Invalid configuration: {Problem}", problem);
    return ConfigurationError;
}

builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
AddConsoleLogging(builder.Logging);
builder.Services.AddSystemd();
builder.Services.AddSingleton(Options.Create(settings));
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds));
builder.Services.AddSingleton(startup);
builder.Services.AddSingleton(_ => new GLibLoop());
builder.Services.AddSingleton<RecorderService>();
builder.Services.AddHostedService(services => services.GetRequiredService<RecorderService>());

RecorderService service;
try
{
    using var host = builder.Build();
    service = host.Services.GetRequiredService<RecorderService>();
    await host.RunAsync();
}
catch (Exception)
{
    // The host has logged it ("Hosting failed to start" with the exception) before disposing itself.
    return 1;
}

return service.Failure is null ? 0 : BusLost;

// The journal's format under systemd (levels as syslog priorities), else one line per message.
static void AddConsoleLogging(ILoggingBuilder logging)
{
    if (SystemdHelpers.IsSystemdService())
    {
        logging.AddSystemdConsole();
    }
    else
    {
        logging.AddSimpleConsole();
    }
}
