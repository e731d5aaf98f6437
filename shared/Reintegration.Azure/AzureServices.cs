using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Health;
using Reintegration.Azure.Messaging;
using Reintegration.Azure.Startup;
using Reintegration.Azure.Storage;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Notifications;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Azure;

public static class AzureServices
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The adapters behind the programme's ports, and the health checks of each dependency.</summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CosmosOptions>().Bind(configuration.GetSection(CosmosOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Endpoint), "Setting Cosmos:Endpoint is missing.")
            .ValidateOnStart();
        services.AddSingleton(sp => CosmosClientFactory.Create(sp.GetRequiredService<IOptions<CosmosOptions>>().Value));
        services.AddSingleton<CosmosDatabase>();
        services.AddSingleton<CosmosETags>();
        services.AddSingleton<ICaseStore, CosmosCaseStore>();
        // Reference data is read through a short-lived snapshot; see docs/decisions/0009-organisation-in-the-token.md.
        services.AddSingleton<CosmosReferenceDataStore>();
        services.AddSingleton<IReferenceDataStore>(sp => new CachedReferenceData(sp.GetRequiredService<CosmosReferenceDataStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ReferenceDataCacheOptions>>()));
        services.Configure<ReferenceDataCacheOptions>(configuration.GetSection(ReferenceDataCacheOptions.Section));
        services.AddSingleton<IPhaseCalendarStore, CosmosPhaseCalendarStore>();
        services.AddSingleton<IIdempotencyStore, CosmosIdempotencyStore>();
        services.AddSingleton<Reintegration.Core.Referrals.IPersonClaims, CosmosPersonClaims>();
        services.AddSingleton<IDocumentStore, CosmosDocumentStore>();
        services.AddSingleton<IAccessLog, CosmosAccessLog>();
        services.AddSingleton<Reintegration.Core.Reports.IReportFiguresStore, CosmosReportFiguresStore>();
        services.AddSingleton<Reintegration.Core.Reports.ICaseChanges, CosmosReportCaseChanges>();
        services.Configure<Reintegration.Core.Reports.ReportOptions>(configuration.GetSection(Reintegration.Core.Reports.ReportOptions.Section));
        services.AddSingleton<IDocumentFiles, BlobDocumentFiles>();
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.Configure<MonitoringWindows>(configuration.GetSection(MonitoringWindows.Section));
        services.Configure<DeadlineJobOptions>(configuration.GetSection(DeadlineJobOptions.Section));
        services.Configure<Reintegration.Core.Retention.RetentionOptions>(configuration.GetSection(Reintegration.Core.Retention.RetentionOptions.Section));
        services.AddSingleton<StorageWorkQueue>();
        services.AddSingleton<IWorkQueue>(sp => sp.GetRequiredService<StorageWorkQueue>());
        services.AddSingleton<IOrganisationWorkQueue>(sp => sp.GetRequiredService<StorageWorkQueue>());
        services.AddSingleton<INotificationInbox, CosmosNotificationInbox>();
        services.AddHostedService<StartupInitialiser>();

        services.AddSingleton(_ => StorageClients.Blobs(configuration));
        services.AddSingleton(_ => StorageClients.Queues(configuration));

        var health = services.AddHealthChecks()
            .AddCheck<CosmosHealthCheck>("cosmosDb", timeout: HealthCheckTimeout)
            .AddCheck<BlobStorageHealthCheck>("blobStorage", timeout: HealthCheckTimeout)
            .AddCheck<QueueStorageHealthCheck>("queueStorage", timeout: HealthCheckTimeout);

        var serviceBus = configuration.GetSection(ServiceBusOptions.Section).Get<ServiceBusOptions>() ?? new ServiceBusOptions();
        if (serviceBus.IsConfigured)
        {
            services.AddSingleton(new NotificationTopic(serviceBus.NotificationTopic));
            var clientOptions = new ServiceBusClientOptions
            {
                RetryOptions = new ServiceBusRetryOptions { MaxRetries = serviceBus.MaxRetries, TryTimeout = serviceBus.TryTimeout },
            };
            services.AddSingleton(_ => string.IsNullOrWhiteSpace(serviceBus.ConnectionString)
                ? new ServiceBusClient(serviceBus.FullyQualifiedNamespace, new DefaultAzureCredential(), clientOptions)
                : new ServiceBusClient(serviceBus.ConnectionString, clientOptions));
            services.AddSingleton<INotificationPublisher, ServiceBusNotificationPublisher>();
            // Management of the organisations' subscriptions (docs/decisions/0019); the stand-in may serve it elsewhere.
            var administration = serviceBus.AdministrationConnectionString ?? serviceBus.ConnectionString;
            services.AddSingleton(_ => string.IsNullOrWhiteSpace(administration)
                ? new ServiceBusAdministrationClient(serviceBus.FullyQualifiedNamespace, new DefaultAzureCredential())
                : new ServiceBusAdministrationClient(administration));
            services.AddSingleton<IOrganisationSubscriptions, ServiceBusOrganisationSubscriptions>();
            health.AddCheck<ServiceBusHealthCheck>("serviceBus", timeout: HealthCheckTimeout);
        }
        return services;
    }
}
