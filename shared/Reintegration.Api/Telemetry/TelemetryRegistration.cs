using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reintegration.Core.Observability;

namespace Reintegration.Api.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts (docs/decisions/0016): the app's own spans and metrics, the HTTP server's spans, the
/// Functions worker's invocation spans and the Azure SDKs' spans (Cosmos DB, Storage, Service Bus). Exported to
/// Azure Monitor when an Application Insights connection string is set, else over OTLP when an endpoint is set, else
/// to the console when Telemetry:Console is true, else nowhere (the spans still exist, so logs and problem answers
/// carry trace ids).
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "reintegration-api";

    /// <summary>The HTTP server (ASP.NET Core) and the Functions worker's "Invoke" spans, which the local host makes too.</summary>
    public static readonly string[] HostSources = ["Microsoft.AspNetCore", "Microsoft.Azure.Functions.Worker"];

    /// <summary>Every Azure SDK client's ActivitySource (Azure.Cosmos.Operation, Azure.Storage.Queues.QueueClient, Azure.Messaging.ServiceBus.*).</summary>
    public const string AzureSdkSources = "Azure.*";

    public static IOpenTelemetryBuilder AddReintegrationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The Azure SDKs publish their spans on ActivitySources only with this switch; read once, before the first client.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var console = configuration.GetValue<bool>("Telemetry:Console");
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ProgrammeTelemetry.Name, AzureSdkSources).AddSource(HostSources);
                if (console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ProgrammeTelemetry.Name);
                if (console) metrics.AddConsoleExporter();
            });
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Application Insights takes Entra-authenticated ingestion only (local auth is off): the app's identity
            // (AZURE_CLIENT_ID) signs in.
            telemetry.UseAzureMonitorExporter(options => options.Credential = new DefaultAzureCredential());
        }
        else if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return telemetry;
    }
}
