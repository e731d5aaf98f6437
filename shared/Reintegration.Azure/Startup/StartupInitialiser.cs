using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.Azure.Cosmos;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Azure.Startup;

/// <summary>
/// Creates the Cosmos resources when asked to (local runs) and adds reference data that is missing:
/// the published countries, the phases and the coordination always; demo organisations when asked to.
/// </summary>
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
        var demo = configuration.GetValue<bool>(SeedSetting);
        await referenceData.SeedAsync(demo ? ReferenceDataSeed.Load() : ReferenceDataSeed.Published(), cancellationToken);
        logger.LogInformation("Reference data seeded where missing ({Scope})", demo ? "published and demo" : "published");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
