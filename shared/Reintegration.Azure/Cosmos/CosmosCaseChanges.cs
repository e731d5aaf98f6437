using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Storage;
using Reintegration.Core.Sync;

namespace Reintegration.Azure.Cosmos;

/// <summary>Changes by Cosmos DB's <c>_ts</c> (seconds, set by the service on every write), within a scope's history.</summary>
public sealed class CosmosCaseChanges(CosmosDatabase database, CosmosETags etags) : ICaseChanges
{
    private Container Cases => database.Container(Containers.Cases);

    public async Task<long> LatestStampAsync(CaseScope scope, CancellationToken cancellationToken)
    {
        var (where, key) = Condition(scope);
        // The largest stamp, taken here rather than by ORDER BY on _ts, which the local stand-in does not serve.
        // It reads one number per case of the scope (served by the index of the scope history).
        var query = new QueryDefinition($"SELECT VALUE c._ts FROM c{where}");
        if (key is not null)
        {
            query = query.WithParameter("@scope", key);
        }
        var latest = 0L;
        using var iterator = Cases.GetItemQueryIterator<long>(query, requestOptions: new QueryRequestOptions { MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            foreach (var stamp in await iterator.ReadNextAsync(cancellationToken))
            {
                latest = Math.Max(latest, stamp);
            }
        }
        return latest;
    }

    public async Task<Page<Versioned<Case>>> ChangedSinceAsync(CaseScope scope, long stamp, PageRequest page, CancellationToken cancellationToken)
    {
        var (where, key) = Condition(scope);
        var query = new QueryDefinition($"SELECT * FROM c{(where.Length == 0 ? " WHERE" : where + " AND")} c._ts >= @since")
            .WithParameter("@since", stamp);
        if (key is not null)
        {
            query = query.WithParameter("@scope", key);
        }
        using var iterator = Cases.GetItemQueryIterator<JsonElement>(query, ContinuationTokens.FromClient(page.ContinuationToken),
            new QueryRequestOptions { MaxItemCount = page.Size });
        FeedResponse<JsonElement> response;
        try
        {
            response = await iterator.ReadNextAsync(cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && page.ContinuationToken is not null)
        {
            throw RequestValidationException.ForField("continuationToken", "Not a token this API gave out, or one for another query.");
        }
        var items = response.Select(element => new Versioned<Case>(element.Deserialize<Case>(ProgrammeJson.Options)!,
            etags.ToHttp(element.GetProperty("_etag").GetString()!))).ToList();
        return new Page<Versioned<Case>>(items, ContinuationTokens.ToClient(response.ContinuationToken));
    }

    /// <summary>Every case for coordinators and the DPO; otherwise the cases that have ever been in the scope.</summary>
    private static (string Where, string? Key) Condition(CaseScope scope) =>
        ScopeKeys.Of(scope) is { } key ? (" WHERE ARRAY_CONTAINS(c.scopeHistory, @scope)", key) : ("", null);
}
