using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost;
using Reintegration.LocalHost.Functions;
using Reintegration.LocalHost.Tokens;

// `token --role ROLE [--org ORGID]` prints a development token; `openapi [FILE]` writes the API's OpenAPI document;
// anything else runs the local host.
if (args.Length > 0 && args[0] == "openapi")
{
    var document = Reintegration.Functions.Contract.OpenApiFunctions.Document;
    if (args.Length > 1)
    {
        await File.WriteAllBytesAsync(args[1], document);
    }
    else
    {
        await using var stdout = Console.OpenStandardOutput();
        await stdout.WriteAsync(document);
    }
    return 0;
}
if (args.Length > 0 && args[0] == TokenCommand.Name)
{
    return TokenCommand.Run(args[1..], Console.Out, Console.Error);
}

using var standInLogging = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
await using var host = await LocalHostApp.StartAsync(new LocalHostOptions { Args = args, PreferWellKnownPorts = true }, standInLogging);

var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LocalHost");
foreach (var standIn in host.StandIns.All)
{
    logger.LogInformation("{StandIn}", standIn.Description);
}

foreach (var function in host.Functions.Functions)
{
    logger.LogInformation("{Trigger} function {FunctionName}{Route}", function.Trigger, function.Name, Describe(function));
}

logger.LogInformation("Local host listening on {BaseAddress} (Ctrl+C stops it and the stand-ins)", host.BaseAddress);
await host.WaitForShutdownAsync();
return 0;

string Describe(FunctionDescriptor function) => function.Trigger == TriggerKind.Http
    ? $": {(function.HttpMethods.Count == 0 ? "any" : string.Join(",", function.HttpMethods))} {Reintegration.LocalHost.Http.HttpTriggerEndpoints.RoutePattern(host.HostSettings.RoutePrefix, function.HttpRoute!)}"
    : "";
