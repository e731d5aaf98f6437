using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn;
using Reintegration.ServiceBusStandIn.Configuration;

// Process mode: dotnet run --project tools/Reintegration.ServiceBusStandIn -- --config Config.json --port 5672 --management-port 5300

string configPath = Argument("--config") ?? Path.Combine(AppContext.BaseDirectory, "Config.json");
int port = int.TryParse(Argument("--port"), out int requested) ? requested : 5672;

// 5300 is where Microsoft's emulator serves the same management API.
int managementPort = int.TryParse(Argument("--management-port"), out int requestedManagement) ? requestedManagement : 5300;

using ILoggerFactory logging = LoggerFactory.Create(builder => builder
    .AddSimpleConsole(options =>
    {
        options.SingleLine = true;
        options.TimestampFormat = "HH:mm:ss ";
    })
    .SetMinimumLevel(LogLevel.Information));
ILogger logger = logging.CreateLogger("ServiceBusStandIn");

StandInConfig config;
try
{
    config = StandInConfig.Load(configPath);
}
catch (Exception e) when (e is StandInConfigException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot use the configuration '{configPath}': {e.Message}");
    return 2;
}

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stopped.TrySetResult();
    });

ServiceBusStandIn standIn;
try
{
    standIn = await ServiceBusStandIn.StartAsync(config, port, logger, managementPort: managementPort);
}
catch (IOException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

await using (standIn)
{
    Console.WriteLine($"Connection string: {standIn.ConnectionString}");
    Console.WriteLine($"Administration connection string: {standIn.AdministrationConnectionString}");
    await stopped.Task;
    logger.LogInformation("Stopping");
}

return 0;

string? Argument(string name)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
