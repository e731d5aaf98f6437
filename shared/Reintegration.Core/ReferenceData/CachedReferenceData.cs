using Microsoft.Extensions.Options;
using Reintegration.Core.Storage;

namespace Reintegration.Core.ReferenceData;

/// <summary>
/// Countries, organisations and phases as one snapshot held for at most <see cref="ReferenceDataCacheOptions.MaxStaleness"/>,
/// so the organisation check of every request and the eligibility check of every referral read no documents in steady
/// state. A change saved through this instance drops the snapshot at once; one saved elsewhere is seen within the bound.
/// The versioned reads (what a coordinator changes with If-Match) always go to the store.
/// </summary>
/// <remarks>
/// One snapshot of three small lists rather than an entry per item: the referral needs all organisations and phases
/// anyway, and one load (three queries) per bound per instance is the whole steady-state cost.
/// </remarks>
public sealed class CachedReferenceData(IReferenceDataStore store, TimeProvider time, IOptions<ReferenceDataCacheOptions> options)
    : IReferenceDataStore
{
    private readonly Lock _gate = new();
    private Loading? _current;

    public async Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Countries;

    public async Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).CountriesByCode.GetValueOrDefault(code.ToUpperInvariant());

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Organisations;

    public async Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).OrganisationsById.GetValueOrDefault(id);

    public async Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Phases;

    public Task<Versioned<Country>?> ReadCountryAsync(string code, CancellationToken cancellationToken) =>
        store.ReadCountryAsync(code, cancellationToken);

    public Task<Versioned<Organisation>?> ReadOrganisationAsync(string id, CancellationToken cancellationToken) =>
        store.ReadOrganisationAsync(id, cancellationToken);

    public Task<Versioned<ProgrammePhase>?> ReadPhaseAsync(string id, CancellationToken cancellationToken) =>
        store.ReadPhaseAsync(id, cancellationToken);

    public Task<Versioned<Country>> SaveCountryAsync(Country country, string? ifMatch, CancellationToken cancellationToken) =>
        ThenForgetAsync(store.SaveCountryAsync(country, ifMatch, cancellationToken));

    public Task<Versioned<Organisation>> SaveOrganisationAsync(Organisation organisation, string? ifMatch,
        CancellationToken cancellationToken) =>
        ThenForgetAsync(store.SaveOrganisationAsync(organisation, ifMatch, cancellationToken));

    public Task<Versioned<ProgrammePhase>> SavePhaseAsync(ProgrammePhase phase, string? ifMatch, CancellationToken cancellationToken) =>
        ThenForgetAsync(store.SavePhaseAsync(phase, ifMatch, cancellationToken));

    public async Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken)
    {
        try
        {
            await store.SeedAsync(seed, cancellationToken);
        }
        finally
        {
            Forget();
        }
    }

    /// <summary>Drops the snapshot, so the next read loads what the store holds now.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    /// <summary>Forgets even when the save failed: a failed conditional save may mean the snapshot is behind.</summary>
    private async Task<T> ThenForgetAsync<T>(Task<T> save)
    {
        try
        {
            return await save;
        }
        finally
        {
            Forget();
        }
    }

    private Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Loading loading;
        lock (_gate)
        {
            // A snapshot counts from when its load started, so nothing is served older than the bound.
            if (_current is null || _current.Task.IsFaulted || _current.Task.IsCanceled ||
                now - _current.StartedAt >= options.Value.MaxStaleness)
            {
                // One load for all who ask meanwhile; not tied to any one caller's cancellation.
                _current = new Loading(now, LoadAsync());
            }
            loading = _current;
        }
        return loading.Task.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot> LoadAsync()
    {
        await Task.Yield();
        var countries = await store.CountriesAsync(CancellationToken.None);
        var organisations = await store.OrganisationsAsync(CancellationToken.None);
        var phases = await store.PhasesAsync(CancellationToken.None);
        return new Snapshot(countries, organisations, phases);
    }

    private sealed record Loading(DateTimeOffset StartedAt, Task<Snapshot> Task);

    private sealed class Snapshot(IReadOnlyList<Country> countries, IReadOnlyList<Organisation> organisations, IReadOnlyList<ProgrammePhase> phases)
    {
        public IReadOnlyList<Country> Countries { get; } = countries;
        public IReadOnlyList<Organisation> Organisations { get; } = organisations;
        public IReadOnlyList<ProgrammePhase> Phases { get; } = phases;
        public IReadOnlyDictionary<string, Country> CountriesByCode { get; } =
            countries.ToDictionary(c => c.Code.ToUpperInvariant(), StringComparer.Ordinal);
        public IReadOnlyDictionary<string, Organisation> OrganisationsById { get; } =
            organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }
}
