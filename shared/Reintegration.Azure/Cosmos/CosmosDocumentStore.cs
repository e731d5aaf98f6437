using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Cosmos;

public sealed class CosmosDocumentStore(CosmosDatabase database, CosmosETags etags) : IDocumentStore
{
    private Container Documents => database.Container(Containers.Documents);

    public async Task<Versioned<CaseDocument>?> FindAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Documents.ReadItemAsync<CaseDocument>(documentId, new PartitionKey(caseId), cancellationToken: cancellationToken);
            // Defence in depth: a document is only ever answered for its own case.
            return response.Resource.CaseId == caseId ? new Versioned<CaseDocument>(response.Resource, etags.ToHttp(response.ETag)) : null;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Versioned<CaseDocument>?> TryCreateAsync(CaseDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Documents.CreateItemAsync(document, new PartitionKey(document.CaseId), cancellationToken: cancellationToken);
            return new Versioned<CaseDocument>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public async Task<Versioned<CaseDocument>> ReplaceAsync(CaseDocument document, string ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Documents.ReplaceItemAsync(document, document.Id, new PartitionKey(document.CaseId),
                new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            return new Versioned<CaseDocument>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            var current = await FindAsync(document.CaseId, document.Id, cancellationToken);
            throw new StaleVersionException(current?.ETag ?? "");
        }
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.caseId = @caseId ORDER BY c.createdAt ASC").WithParameter("@caseId", caseId);
        var results = new List<CaseDocument>();
        using var iterator = Documents.GetItemQueryIterator<CaseDocument>(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(caseId) });
        while (iterator.HasMoreResults)
        {
            results.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }
        return results;
    }
}
