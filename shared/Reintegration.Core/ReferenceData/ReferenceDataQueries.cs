using Reintegration.Core.Errors;
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

    public async Task<Versioned<Country>> CountryAsync(string code, CancellationToken cancellationToken) =>
        await store.ReadCountryAsync(code, cancellationToken) ?? throw new NotFoundException($"Country {code}");

    public async Task<Versioned<Organisation>> PartnerAsync(string id, CancellationToken cancellationToken) =>
        await store.ReadOrganisationAsync(id, cancellationToken) is { Value.Kind: OrganisationKind.Partner } partner
            ? partner
            : throw new NotFoundException($"Partner {id}");

    public async Task<IReadOnlyList<Organisation>> PartnersAsync(CancellationToken cancellationToken)
    {
        var organisations = await store.OrganisationsAsync(cancellationToken);
        return organisations.Where(o => o.Kind == OrganisationKind.Partner).OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
    }
}

public sealed record CountryAvailability(string Code, string Name, bool PartnerAvailable);
