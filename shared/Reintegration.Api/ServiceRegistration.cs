using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Api.Auth;
using Reintegration.Api.Http;
using Reintegration.Api.Queues;
using Reintegration.Api.Telemetry;
using Reintegration.Azure;
using Reintegration.Core;

namespace Reintegration.Api;

public static class ServiceRegistration
{
    /// <summary>Wires every service of the app; the Functions host and the local host both call this.</summary>
    public static IServiceCollection AddReintegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReintegrationTelemetry(configuration);
        services.AddProgramme();
        services.AddAzureAdapters(configuration);
        services.AddProgrammeOperations(configuration);

        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && !string.IsNullOrWhiteSpace(o.Audience),
                "Settings Auth:Issuer and Auth:Audience are required.")
            .Validate(o => o.HasSigningSource, "Setting Auth:MetadataAddress (or, locally, Auth:DevelopmentSigningKey) is required.")
            .ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddHttpClient(BearerAuthenticator.MetadataClient);
        services.AddSingleton<BearerAuthenticator>();
        services.AddSingleton<HttpEndpoint>();
        services.AddSingleton<RequestReader>();
        services.AddSingleton<WorkHandling>();
        return services;
    }
}
