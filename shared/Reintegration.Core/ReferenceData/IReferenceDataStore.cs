using Reintegration.Core.Storage;

namespace Reintegration.Core.ReferenceData;

/// <summary>Countries, organisations and programme phases.</summary>
public interface IReferenceDataStore
{
    Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken);
    Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken);
    Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken);

    Task<Versioned<Country>?> ReadCountryAsync(string code, CancellationToken cancellationToken);
    Task<Versioned<Organisation>?> ReadOrganisationAsync(string id, CancellationToken cancellationToken);
    Task<Versioned<ProgrammePhase>?> ReadPhaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates when <paramref name="ifMatch"/> is null (ConflictException if it exists), else replaces that version.</summary>
    Task<Versioned<Country>> SaveCountryAsync(Country country, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Creates when <paramref name="ifMatch"/> is null (ConflictException if it exists), else replaces that version.</summary>
    Task<Versioned<Organisation>> SaveOrganisationAsync(Organisation organisation, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Creates when <paramref name="ifMatch"/> is null (ConflictException if it exists), else replaces that version.</summary>
    Task<Versioned<ProgrammePhase>> SavePhaseAsync(ProgrammePhase phase, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Adds what is missing; never overwrites what an administrator changed.</summary>
    Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken);
}

public sealed record ReferenceDataSet(
    IReadOnlyList<Country> Countries,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<ProgrammePhase> Phases);
