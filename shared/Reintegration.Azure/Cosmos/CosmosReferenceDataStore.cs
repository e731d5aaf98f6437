using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Cosmos;

/// <summary>Reference data documents wrap the record with its kind, the partition key of the container.</summary>
public sealed class CosmosReferenceDataStore(CosmosDatabase database, CosmosETags etags) : IReferenceDataStore
{
    private const string CountryKind = "country";
    private const string OrganisationKind = "organisation";
    private const string PhaseKind = "phase";

    private Container Reference => database.Container(Containers.Reference);

    public Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken cancellationToken) =>
        AllOfKindAsync<Country>(CountryKind, cancellationToken);

    public Task<Country?> FindCountryAsync(string code, CancellationToken cancellationToken) =>
        FindAsync<Country>(CountryKind, code.ToUpperInvariant(), cancellationToken);

    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) =>
        AllOfKindAsync<Organisation>(OrganisationKind, cancellationToken);

    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken) =>
        FindAsync<Organisation>(OrganisationKind, id, cancellationToken);

    public Task<IReadOnlyList<ProgrammePhase>> PhasesAsync(CancellationToken cancellationToken) =>
        AllOfKindAsync<ProgrammePhase>(PhaseKind, cancellationToken);

    public Task<Versioned<Country>?> ReadCountryAsync(string code, CancellationToken cancellationToken) =>
        ReadVersionedAsync<Country>(CountryKind, code, cancellationToken);

    public Task<Versioned<Organisation>?> ReadOrganisationAsync(string id, CancellationToken cancellationToken) =>
        ReadVersionedAsync<Organisation>(OrganisationKind, id, cancellationToken);

    public Task<Versioned<ProgrammePhase>?> ReadPhaseAsync(string id, CancellationToken cancellationToken) =>
        ReadVersionedAsync<ProgrammePhase>(PhaseKind, id, cancellationToken);

    public Task<Versioned<ProgrammePhase>> SavePhaseAsync(ProgrammePhase phase, string? ifMatch, CancellationToken cancellationToken) =>
        SaveAsync(PhaseKind, phase.Id, phase, ifMatch, cancellationToken);

    public Task<Versioned<Country>> SaveCountryAsync(Country country, string? ifMatch, CancellationToken cancellationToken) =>
        SaveAsync(CountryKind, country.Code, country, ifMatch, cancellationToken);

    public Task<Versioned<Organisation>> SaveOrganisationAsync(Organisation organisation, string? ifMatch,
        CancellationToken cancellationToken) =>
        SaveAsync(OrganisationKind, organisation.Id, organisation, ifMatch, cancellationToken);

    private async Task<Versioned<T>> SaveAsync<T>(string kind, string id, T item, string? ifMatch, CancellationToken cancellationToken)
    {
        var document = new ReferenceDocument<T>(id, kind, item);
        try
        {
            var response = ifMatch is null
                ? await Reference.CreateItemAsync(document, new PartitionKey(kind), cancellationToken: cancellationToken)
                : await Reference.ReplaceItemAsync(document, id, new PartitionKey(kind),
                    new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            return new Versioned<T>(response.Resource.Data, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException($"'{id}' exists already; send its ETag in If-Match to change it.");
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            var current = await ReadVersionedAsync<T>(kind, id, cancellationToken);
            throw new StaleVersionException(current?.ETag ?? "");
        }
    }

    private async Task<Versioned<T>?> ReadVersionedAsync<T>(string kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Reference.ReadItemAsync<ReferenceDocument<T>>(id, new PartitionKey(kind), cancellationToken: cancellationToken);
            return new Versioned<T>(response.Resource.Data, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task SeedAsync(ReferenceDataSet seed, CancellationToken cancellationToken)
    {
        await AddMissingAsync(CountryKind, seed.Countries, c => c.Code, cancellationToken);
        await AddMissingAsync(OrganisationKind, seed.Organisations, o => o.Id, cancellationToken);
        await AddMissingAsync(PhaseKind, seed.Phases, p => p.Id, cancellationToken);
    }

    private async Task AddMissingAsync<T>(string kind, IEnumerable<T> items, Func<T, string> idOf, CancellationToken cancellationToken)
    {
        var existing = (await ReadAllAsync<T>(kind, cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !existing.Contains(idOf(i))))
        {
            try
            {
                await Reference.CreateItemAsync(new ReferenceDocument<T>(idOf(item), kind, item), new PartitionKey(kind),
                    cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // Another instance seeded it at the same moment.
            }
        }
    }

    private async Task<T?> FindAsync<T>(string kind, string id, CancellationToken cancellationToken) where T : class =>
        (await ReadVersionedAsync<T>(kind, id, cancellationToken))?.Value;

    private async Task<IReadOnlyList<T>> AllOfKindAsync<T>(string kind, CancellationToken cancellationToken) =>
        (await ReadAllAsync<T>(kind, cancellationToken)).Select(d => d.Data).ToList();

    private async Task<List<ReferenceDocument<T>>> ReadAllAsync<T>(string kind, CancellationToken cancellationToken)
    {
        // The stand-in ignores a partition given only in the request options, so the kind is in the WHERE clause too.
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind").WithParameter("@kind", kind);
        var results = new List<ReferenceDocument<T>>();
        using var iterator = Reference.GetItemQueryIterator<ReferenceDocument<T>>(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(kind) });
        while (iterator.HasMoreResults)
        {
            results.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }
        return results;
    }

    private sealed record ReferenceDocument<T>(string Id, string Kind, T Data);
}
