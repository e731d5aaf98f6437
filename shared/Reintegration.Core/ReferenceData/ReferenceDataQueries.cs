using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.ReferenceData;

/// <summary>What the public and the apps may read of the reference data.</summary>
public sealed class ReferenceDataQueries(IReferenceDataStore store)
{
    /// <summary>Active countries, each saying whether an active partner covers it.</summary>
    public async Task<IReadOnlyList<CountryAvailability>> ActiveCountriesAsync(CancellationToken cancellationToken)
    {
        var countries = await store.CountriesAsync(cancellationToken);
        var organisations = await store.OrganisationsAsync(cancellationToken);
        return countries
            .Where(c => c.Active)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CountryAvailability(c.Code, c.Name, organisations.Any(o => o.Covers(c.Code))))
            .ToList();
    }

    public async Task<Versioned<Country>> CountryAsync(CountryCode code, CancellationToken cancellationToken) =>
        await store.ReadCountryAsync(code.Value, cancellationToken) ?? throw new NotFoundException($"Country {code}");

    public Task<Versioned<Organisation>> PartnerAsync(OrganisationId id, CancellationToken cancellationToken) =>
        OrganisationAsync(OrganisationKind.Partner, id, cancellationToken);

    public Task<IReadOnlyList<Organisation>> PartnersAsync(CancellationToken cancellationToken) =>
        OrganisationsAsync(OrganisationKind.Partner, cancellationToken);

    public Task<Versioned<Organisation>> ReferringOrganisationAsync(OrganisationId id, CancellationToken cancellationToken) =>
        OrganisationAsync(OrganisationKind.Referring, id, cancellationToken);

    public Task<IReadOnlyList<Organisation>> ReferringOrganisationsAsync(CancellationToken cancellationToken) =>
        OrganisationsAsync(OrganisationKind.Referring, cancellationToken);

    public async Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken) =>
        (await store.PhasesAsync(cancellationToken)).OrderBy(p => p.StartsOn).ToList();

    public async Task<Versioned<ProgrammePhase>> PhaseAsync(PhaseId id, CancellationToken cancellationToken) =>
        await store.ReadPhaseAsync(id.Value, cancellationToken) ?? throw new NotFoundException($"Phase {id}");

    private async Task<Versioned<Organisation>> OrganisationAsync(OrganisationKind kind, OrganisationId id, CancellationToken cancellationToken) =>
        await store.ReadOrganisationAsync(id.Value, cancellationToken) is { } found && found.Value.Kind == kind
            ? found
            : throw new NotFoundException(kind == OrganisationKind.Partner ? $"Partner {id}" : $"Referring organisation {id}");

    private async Task<IReadOnlyList<Organisation>> OrganisationsAsync(OrganisationKind kind, CancellationToken cancellationToken)
    {
        var organisations = await store.OrganisationsAsync(cancellationToken);
        return organisations.Where(o => o.Kind == kind).OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
    }
}

public sealed record CountryAvailability(string Code, string Name, bool PartnerAvailable);
