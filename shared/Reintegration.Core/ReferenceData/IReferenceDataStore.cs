namespace Reintegration.Core.ReferenceData;

/// <summary>Countries, organisations and programme phases.</summary>
public interface IReferenceDataStore
{
    Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken);
    Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken);
    Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken);

    /// <summary>Adds what is missing; never overwrites what an administrator changed.</summary>
    Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken);
}

public sealed record ReferenceDataSet(
    IReadOnlyList<Country> Countries,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<ProgrammePhase> Phases);
