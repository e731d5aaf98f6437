using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Azure.Cosmos;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.ReferenceData;

/// <summary>Country information in the reference container, under a kind of its own.</summary>
public sealed class CosmosCountryInformationStore(CosmosDatabase database, CosmosETags etags) : ICountryInformationStore
{
    private const string Kind = "country-information";

    private Container Reference => database.Container(Containers.Reference);

    public async Task<Versioned<CountryInformation>?> FindAsync(CountryCode code, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Reference.ReadItemAsync<Stored>(code.Value, new PartitionKey(Kind), cancellationToken: cancellationToken);
            return new Versioned<CountryInformation>(response.Resource.Data, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Versioned<CountryInformation>> SaveAsync(CountryInformation information, string? ifMatch, CancellationToken cancellationToken)
    {
        var stored = new Stored(information.Code, Kind, information);
        try
        {
            var response = ifMatch is null
                ? await Reference.CreateItemAsync(stored, new PartitionKey(Kind), cancellationToken: cancellationToken)
                : await Reference.ReplaceItemAsync(stored, stored.Id, new PartitionKey(Kind),
                    new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            return new Versioned<CountryInformation>(response.Resource.Data, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict && ifMatch is null)
        {
            // Two first readers seeded it at once: the first one's stands.
            return await FindAsync(CountryCode.From(information.Code), cancellationToken)
                ?? throw new InvalidOperationException("Country information that exists could not be read back.");
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new StaleVersionException((await FindAsync(CountryCode.From(information.Code), cancellationToken))?.ETag ?? "");
        }
    }

    private sealed record Stored(string Id, string Kind, CountryInformation Data);
}
