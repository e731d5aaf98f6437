using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Core.Imports;

using Reintegration.Azure.Imports;

namespace Reintegration.Azure;

public static class OperationsServices
{
    /// <summary>
    /// Imports of carried-over cases (the use case, its row check, its Cosmos, Blob and queue adapters), delta sync of
    /// case listings, and the country information for returnees.
    /// </summary>
    public static IServiceCollection AddProgrammeOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 5000 && o.Parallelism is > 0 and <= 64 && o.MaxFileBytes > 0 && o.MaxRowBytes > 0,
                "Settings Imports:BatchSize (1 to 5000), Imports:Parallelism (1 to 64), Imports:MaxFileBytes and Imports:MaxRowBytes are not valid.")
            .ValidateOnStart();
        services.AddSingleton<ImportRowCheck>();
        services.AddSingleton<CaseImports>();
        services.AddSingleton<IImportStore, CosmosImportStore>();
        services.AddSingleton<IImportFiles, BlobImportFiles>();
        services.AddSingleton<IImportQueue, StorageImportQueue>();
        services.AddSingleton<Reintegration.Core.Sync.ICaseChanges, Reintegration.Azure.Cosmos.CosmosCaseChanges>();
        services.AddSingleton<Reintegration.Core.Sync.CaseSync>();
        services.AddSingleton<Reintegration.Core.ReferenceData.ICountryInformationStore, ReferenceData.CosmosCountryInformationStore>();
        services.AddSingleton<IValidator<Reintegration.Core.ReferenceData.CountryInformationRequest>, Reintegration.Core.ReferenceData.CountryInformationRequestValidator>();
        services.AddSingleton<Reintegration.Core.ReferenceData.CountryInformationService>();
        return services;
    }
}
