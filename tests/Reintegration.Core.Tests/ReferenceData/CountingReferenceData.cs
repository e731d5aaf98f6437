using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests.ReferenceData;

/// <summary>The in-memory store, counting the reads that would be documents read from Cosmos DB.</summary>
internal sealed class CountingReferenceData(InMemoryReferenceData inner) : IReferenceDataStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public InMemoryReferenceData Inner => inner;

    public Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken) => Count(inner.CountriesAsync(cancellationToken));

    public Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken) => Count(inner.FindCountryAsync(code, cancellationToken));

    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) =>
        Count(inner.OrganisationsAsync(cancellationToken));

    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken) =>
        Count(inner.FindOrganisationAsync(id, cancellationToken));

    public Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken) => Count(inner.PhasesAsync(cancellationToken));

    public Task<Versioned<Country>?> ReadCountryAsync(string code, CancellationToken cancellationToken) =>
        Count(inner.ReadCountryAsync(code, cancellationToken));

    public Task<Versioned<Organisation>?> ReadOrganisationAsync(string id, CancellationToken cancellationToken) =>
        Count(inner.ReadOrganisationAsync(id, cancellationToken));

    public Task<Versioned<ProgrammePhase>?> ReadPhaseAsync(string id, CancellationToken cancellationToken) =>
        Count(inner.ReadPhaseAsync(id, cancellationToken));

    public Task<Versioned<Country>> SaveCountryAsync(Country country, string? ifMatch, CancellationToken cancellationToken) =>
        inner.SaveCountryAsync(country, ifMatch, cancellationToken);

    public Task<Versioned<Organisation>> SaveOrganisationAsync(Organisation organisation, string? ifMatch, CancellationToken cancellationToken) =>
        inner.SaveOrganisationAsync(organisation, ifMatch, cancellationToken);

    public Task<Versioned<ProgrammePhase>> SavePhaseAsync(ProgrammePhase phase, string? ifMatch, CancellationToken cancellationToken) =>
        inner.SavePhaseAsync(phase, ifMatch, cancellationToken);

    public Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken) => inner.SeedAsync(seed, cancellationToken);

    private Task<T> Count<T>(Task<T> read)
    {
        Interlocked.Increment(ref _reads);
        return read;
    }
}
