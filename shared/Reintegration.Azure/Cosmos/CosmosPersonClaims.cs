using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Referrals;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// Person claims live with the idempotency records (point reads and writes by id, kept a day by Cosmos DB's time to
/// live): both make a create happen once. Only a hash of the person is stored.
/// </summary>
public sealed class CosmosPersonClaims(CosmosDatabase database) : IPersonClaims
{
    /// <summary>A claim matters for seconds; once the case is written the duplicate check finds the case itself.</summary>
    private const int TimeToLiveSeconds = 24 * 3600;

    private Container Records => database.Container(Containers.Idempotency);

    private static string IdOf(string key) => $"person-claim-{key}";

    public async Task<PersonClaim> ClaimAsync(string key, string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        try
        {
            var created = await Records.CreateItemAsync(new StoredClaim(id, caseId, now, TimeToLiveSeconds), new PartitionKey(id),
                cancellationToken: cancellationToken);
            return new PersonClaim(caseId, now, created.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            try
            {
                var found = await Records.ReadItemAsync<StoredClaim>(id, new PartitionKey(id), cancellationToken: cancellationToken);
                return new PersonClaim(found.Resource.CaseId, found.Resource.ClaimedAt, found.ETag);
            }
            catch (CosmosException gone) when (gone.StatusCode == HttpStatusCode.NotFound)
            {
                // Expired between the two calls: claim again.
                return await ClaimAsync(key, caseId, now, cancellationToken);
            }
        }
    }

    public async Task<bool> TryTakeOverAsync(string key, PersonClaim from, string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        try
        {
            await Records.ReplaceItemAsync(new StoredClaim(id, caseId, now, TimeToLiveSeconds), id, new PartitionKey(id),
                new ItemRequestOptions { IfMatchEtag = from.Version }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private sealed record StoredClaim(string Id, string CaseId, DateTimeOffset ClaimedAt, int Ttl);
}
