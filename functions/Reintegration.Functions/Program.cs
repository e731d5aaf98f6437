using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.Api;
using Reintegration.Api.Http;
using Reintegration.Functions.Edge;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Inside the ASP.NET Core integration's own middleware, so an answer set here is written like a function's.
builder.UseMiddleware<EdgeWorkerMiddleware>();
builder.Services.AddReintegration(builder.Configuration);
// The worker's invocation spans continue the host's trace (docs/decisions/0016); exporters are set in AddReintegration.
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
// The worker's own Kestrel, which the Functions host forwards requests to: no Server header, limits above the app's.
builder.Services.Configure<KestrelServerOptions>(EdgeLimits.ApplyTo);
// "Request starting/finished" lines carry the full URL with its query string (and any token in it).
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Build().Run();
