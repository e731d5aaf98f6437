using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.Azure.Cosmos;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Azure.Startup;

/// <summary>Creates the Cosmos resources when asked to (local runs) and seeds reference data that is missing.</summary>
public sealed class StartupInitialiser(
    CosmosDatabase database,
    IReferenceDataStore referenceData,
    IConfiguration configuration,
    ILogger<StartupInitialiser> logger) : IHostedService
{
    public const string SeedSetting = "ReferenceData:SeedDemo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        if (configuration.GetValue<bool>(SeedSetting))
        {
            await referenceData.SeedAsync(ReferenceDataSeed.Load(), cancellationToken);
            logger.LogInformation("Reference data seeded where missing");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
