using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecorderDaemon.Hosting;
using RecorderDaemon.Native;

if (args is ["demo", ..])
{
    return await EngineDemo.RunAsync(args[1..]);
}

var builder = Host.CreateApplicationBuilder(CommandLine.ToConfigurationArgs(args));
builder.Services.AddSystemd();
builder.Services.Configure<RecorderdOptions>(builder.Configuration.GetSection(RecorderdOptions.Section));
builder.Services.AddSingleton(_ => new GLibLoop());
builder.Services.AddHostedService<RecorderService>();
await builder.Build().RunAsync();
return 0;
