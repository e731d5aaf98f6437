using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests;

internal sealed class InMemoryReferenceData(ReferenceDataSet set) : IReferenceDataStore
{
    public ReferenceDataSet Set { get; set; } = set;

    public Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken) => Task.FromResult(Set.Countries);

    public Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(Set.Countries.FirstOrDefault(c => c.Code == code));

    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) => Task.FromResult(Set.Organisations);

    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Set.Organisations.FirstOrDefault(o => o.Id == id));

    public Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken) => Task.FromResult(Set.Phases);

    public async Task<Versioned<Country>?> ReadCountryAsync(string code, CancellationToken cancellationToken) =>
        await FindCountryAsync(code, cancellationToken) is { } country ? new Versioned<Country>(country, "\"1\"") : null;

    public async Task<Versioned<Organisation>?> ReadOrganisationAsync(string id, CancellationToken cancellationToken) =>
        await FindOrganisationAsync(id, cancellationToken) is { } organisation ? new Versioned<Organisation>(organisation, "\"1\"") : null;

    public Task<Versioned<Country>> SaveCountryAsync(Country country, string? ifMatch, CancellationToken cancellationToken)
    {
        Set = Set with { Countries = Set.Countries.Where(c => c.Code != country.Code).Append(country).ToList() };
        return Task.FromResult(new Versioned<Country>(country, "\"1\""));
    }

    public Task<Versioned<Organisation>> SaveOrganisationAsync(Organisation organisation, string? ifMatch, CancellationToken cancellationToken)
    {
        Set = Set with { Organisations = Set.Organisations.Where(o => o.Id != organisation.Id).Append(organisation).ToList() };
        return Task.FromResult(new Versioned<Organisation>(organisation, "\"1\""));
    }

    public Task<Versioned<ProgrammePhase>?> ReadPhaseAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Set.Phases.FirstOrDefault(p => p.Id == id) is { } phase ? new Versioned<ProgrammePhase>(phase, "\"1\"") : null);

    public Task<Versioned<ProgrammePhase>> SavePhaseAsync(ProgrammePhase phase, string? ifMatch, CancellationToken cancellationToken)
    {
        Set = Set with { Phases = Set.Phases.Where(p => p.Id != phase.Id).Append(phase).ToList() };
        return Task.FromResult(new Versioned<ProgrammePhase>(phase, "\"1\""));
    }

    public Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken) => Task.CompletedTask;
}
