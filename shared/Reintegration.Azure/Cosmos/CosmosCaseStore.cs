using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Core;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Cosmos;

public sealed class CosmosCaseStore(CosmosDatabase database, CosmosETags etags) : ICaseStore
{
    private Container Cases => database.Container(Containers.Cases);

    public async Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Cases.ReadItemAsync<Case>(caseId.Value, new PartitionKey(caseId.Value), cancellationToken: cancellationToken);
            return new Versioned<Case>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Cases.CreateItemAsync(@case, new PartitionKey(@case.Id), cancellationToken: cancellationToken);
            return new Versioned<Case>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public async Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Cases.ReplaceItemAsync(@case, @case.Id, new PartitionKey(@case.Id),
                new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            return new Versioned<Case>(response.Resource, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            var current = await FindAsync(CaseId.From(@case.Id), cancellationToken) ?? throw new NotFoundException($"Case {@case.Id}");
            throw new StaleVersionException(current.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException($"Case {@case.Id}");
        }
    }

    public async Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page,
        CancellationToken cancellationToken)
    {
        var query = ListQuery(scope, filter);
        using var iterator = Cases.GetItemQueryIterator<JsonElement>(query,
            ContinuationTokens.FromClient(page.ContinuationToken),
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
        var items = response.Select(element => new Versioned<Case>(
            element.Deserialize<Case>(ProgrammeJson.Options)!,
            etags.ToHttp(element.GetProperty("_etag").GetString()!))).ToList();
        return new Page<Versioned<Case>>(items, ContinuationTokens.ToClient(response.ContinuationToken));
    }

    public async Task<IReadOnlyList<Case>> WaitingAsync(CaseScope scope, WaitingFor waitingFor, int max,
        CancellationToken cancellationToken)
    {
        var (where, parameters) = ScopeCondition(scope);
        string orderBy;
        switch (waitingFor)
        {
            case WaitingFor.LeavingStatus leaving:
                where.Add("c.status = @status");
                parameters["@status"] = leaving.Status.ToString();
                orderBy = "c.statusChangedAt";
                break;
            case WaitingFor.CheckpointDueBy due:
                where.Add("c.status = 'Monitoring' AND c.nextDueOn <= @dueBy");
                parameters["@dueBy"] = due.Day.ToString("yyyy-MM-dd");
                orderBy = "c.nextDueOn";
                break;
            case WaitingFor.HeldByPartners held:
                where.Add($"c.partnerId IN ({string.Join(", ", held.PartnerIds.Select((_, i) => $"@heldBy{i}"))})");
                where.Add($"c.status IN ({string.Join(", ", Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsOpen).Select(s => $"'{s}'"))})");
                foreach (var (partnerId, i) in held.PartnerIds.Select((p, i) => (p, i)))
                {
                    parameters[$"@heldBy{i}"] = partnerId;
                }
                orderBy = "c.statusChangedAt";
                break;
            default:
                where.Add("c.plan.status = 'Submitted'");
                orderBy = "c.plan.submittedAt";
                break;
        }
        var sql = $"SELECT TOP {max} * FROM c WHERE {string.Join(" AND ", where)} ORDER BY {orderBy} ASC";
        var results = new List<Case>();
        using var iterator = Cases.GetItemQueryIterator<Case>(WithParameters(sql, parameters));
        while (iterator.HasMoreResults)
        {
            results.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }
        return results;
    }

    public async IAsyncEnumerable<Case> NeedingMonitoringAttentionAsync(DateOnly dueBy,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Each branch is served by the range index of one field; dates are ISO strings, so they compare in order.
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE (c.status = 'Monitoring' AND c.nextDueOn <= @dueBy) " +
                "OR c.hasPendingNotifications = true OR c.status = 'Arrived'")
            .WithParameter("@dueBy", dueBy.ToString("yyyy-MM-dd"));
        using var iterator = Cases.GetItemQueryIterator<Case>(query, requestOptions: new QueryRequestOptions { MaxItemCount = 100 });
        while (iterator.HasMoreResults)
        {
            foreach (var @case in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return @case;
            }
        }
    }

    public async IAsyncEnumerable<Case> DueForRetentionAsync(DateOnly personalDataEndedBy, DateOnly financialRecordsEndedBy,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // As above: each branch is served by the index of its fields, so the cost follows the cases due, not all cases.
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE (c.retentionStage = 'PersonalData' AND c.endedOn <= @personalDataEndedBy) " +
                "OR (c.retentionStage = 'FinancialRecords' AND c.endedOn <= @financialRecordsEndedBy) " +
                "OR c.erasureInProgress = true ORDER BY c.endedOn ASC")
            .WithParameter("@personalDataEndedBy", personalDataEndedBy.ToString("yyyy-MM-dd"))
            .WithParameter("@financialRecordsEndedBy", financialRecordsEndedBy.ToString("yyyy-MM-dd"));
        using var iterator = Cases.GetItemQueryIterator<Case>(query, requestOptions: new QueryRequestOptions { MaxItemCount = 100 });
        while (iterator.HasMoreResults)
        {
            foreach (var @case in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return @case;
            }
        }
    }

    private static (List<string> Where, Dictionary<string, object> Parameters) ScopeCondition(CaseScope scope)
    {
        var where = new List<string>();
        var parameters = new Dictionary<string, object>();
        switch (scope)
        {
            case CaseScope.OfReferringOrganisation own:
                where.Add("c.referringOrganisationId = @organisation");
                parameters["@organisation"] = own.OrganisationId;
                break;
            case CaseScope.AssignedToPartner partner:
                // A case whose consent to share was withdrawn is not the partner's to see until it is given again.
                where.Add("c.partnerId = @partner AND c.consentWithdrawn = false");
                parameters["@partner"] = partner.PartnerId;
                break;
        }
        return (where, parameters);
    }

    private static QueryDefinition WithParameters(string sql, Dictionary<string, object> parameters) =>
        parameters.Aggregate(new QueryDefinition(sql), (definition, p) => definition.WithParameter(p.Key, p.Value));

    private static QueryDefinition ListQuery(CaseScope scope, CaseFilter filter)
    {
        var (where, parameters) = ScopeCondition(scope);
        if (filter.Status is { } status)
        {
            where.Add("c.status = @status");
            parameters["@status"] = status.ToString();
        }
        if (filter.CountryOfReturn is { } country)
        {
            where.Add("c.countryOfReturn = @country");
            parameters["@country"] = country;
        }

        var sql = new StringBuilder("SELECT * FROM c");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        sql.Append(" ORDER BY c.listingKey DESC");
        return WithParameters(sql.ToString(), parameters);
    }
}
