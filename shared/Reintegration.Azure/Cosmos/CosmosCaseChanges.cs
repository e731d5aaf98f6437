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

    /// <summary>How far behind this machine's clock the clock Cosmos DB stamps <c>_ts</c> with may be.</summary>
    public static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The real time less <see cref="ClockSkewMargin"/>, in <c>_ts</c> seconds: a write committed after now is stamped
    /// by the service's clock at or after it. The real clock, not the programme's: <c>_ts</c> is real time, whatever a
    /// test does with the programme's clock. Reading the latest <c>_ts</c> of the scope instead cost one read per case
    /// of the scope on every first page (the local stand-in serves neither MAX nor ORDER BY on <c>_ts</c>): ten
    /// requests and 2.9 s of a 3 s listing at 10,000 cases (decision 0022).
    /// </summary>
    public long Watermark() => TimeProvider.System.GetUtcNow().Subtract(ClockSkewMargin).ToUnixTimeSeconds();

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
