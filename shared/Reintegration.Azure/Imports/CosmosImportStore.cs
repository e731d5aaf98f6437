using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Azure.Cosmos;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Imports;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Imports;

/// <summary>Imports and their progress, one document each, partitioned by id.</summary>
public sealed class CosmosImportStore(CosmosDatabase database, CosmosETags etags) : IImportStore
{
    private Container Imports => database.Container(Containers.Imports);

    public async Task<Versioned<ImportJob>> CreateAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var response = await Imports.CreateItemAsync(job, new PartitionKey(job.Id), cancellationToken: cancellationToken);
        return new Versioned<ImportJob>(response.Resource, etags.ToHttp(response.ETag));
    }

    public async Task<Versioned<ImportJob>?> FindAsync(ImportId importId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Imports.ReadItemAsync<ImportJob>(importId.Value, new PartitionKey(importId.Value), cancellationToken: cancellationToken);
            return new Versioned<ImportJob>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Versioned<ImportJob>> ReplaceAsync(ImportJob job, string ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Imports.ReplaceItemAsync(job, job.Id, new PartitionKey(job.Id),
                new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            return new Versioned<ImportJob>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new StaleVersionException((await FindAsync(ImportId.From(job.Id), cancellationToken))?.ETag ?? "");
        }
    }
}
