using Reintegration.Core.ReferenceData;

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

    public Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken) => Task.CompletedTask;
}
