using System.Net;
using System.Text;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// The access log in its own container, partitioned by case. Records are only ever created: the adapter has no
/// replace or delete, and each record's id is new, so a retried append adds, never overwrites.
/// </summary>
public sealed class CosmosAccessLog(CosmosDatabase database) : IAccessLog
{
    private Container Records => database.Container(Containers.AccessLog);

    public async Task AppendAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
        // Point creates in parallel: a listing page records each listed case before the page is answered.
        await Task.WhenAll(records.Select(r => Records.CreateItemAsync(r, new PartitionKey(r.CaseId), cancellationToken: cancellationToken)));
    }

    public Task<Page<AccessRecord>> OfCaseAsync(string caseId, PageRequest page, CancellationToken cancellationToken) =>
        // Within the case's partition: one partition's records, never a fan-out over every case's.
        QueryAsync(new QueryDefinition("SELECT * FROM r WHERE r.caseId = @case ORDER BY r.orderKey DESC").WithParameter("@case", caseId),
            page, cancellationToken, new PartitionKey(caseId));

    public Task<Page<AccessRecord>> SearchAsync(AccessLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new Dictionary<string, object>();
        if (filter.ActorId is { } actor)
        {
            where.Add("r.actorId = @actor");
            parameters["@actor"] = actor;
        }
        if (filter.OrganisationId is { } organisation)
        {
            where.Add("r.actorOrganisationId = @organisation");
            parameters["@organisation"] = organisation.Value;
        }
        // The order key starts with the UTC time to the tick, so periods compare as text.
        if (filter.From is { } from)
        {
            where.Add("r.orderKey >= @from");
            parameters["@from"] = $"{from.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z";
        }
        if (filter.To is { } to)
        {
            where.Add("r.orderKey < @to");
            parameters["@to"] = $"{to.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z";
        }
        var sql = new StringBuilder("SELECT * FROM r");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        sql.Append(" ORDER BY r.orderKey DESC");
        var query = parameters.Aggregate(new QueryDefinition(sql.ToString()), (q, p) => q.WithParameter(p.Key, p.Value));
        return QueryAsync(query, page, cancellationToken);
    }

    private async Task<Page<AccessRecord>> QueryAsync(QueryDefinition query, PageRequest page, CancellationToken cancellationToken,
        PartitionKey? partition = null)
    {
        using var iterator = Records.GetItemQueryIterator<AccessRecord>(query, ContinuationTokens.FromClient(page.ContinuationToken),
            new QueryRequestOptions { MaxItemCount = page.Size, PartitionKey = partition });
        try
        {
            var response = await iterator.ReadNextAsync(cancellationToken);
            return new Page<AccessRecord>(response.ToList(), ContinuationTokens.ToClient(response.ContinuationToken));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && page.ContinuationToken is not null)
        {
            throw RequestValidationException.ForField("continuationToken", "Not a token this API gave out, or one for another query.");
        }
    }
}
