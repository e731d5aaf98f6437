using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Notifications;
using Reintegration.Core.Storage;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// The inboxes in their own container, partitioned by organisation: every query names the caller's organisation's
/// partition, so no query can reach another organisation's notifications.
/// </summary>
public sealed class CosmosNotificationInbox(CosmosDatabase database) : INotificationInbox
{
    private Container Items => database.Container(Containers.Notifications);

    public async Task AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken)
    {
        await Task.WhenAll(items.Select(async item =>
        {
            try
            {
                await Items.CreateItemAsync(item, new PartitionKey(item.OrganisationId), cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // Written by an earlier delivery of the same message: kept as it is, read or not.
            }
        }));
    }

    public async Task<Page<InboxItem>> PageAsync(string organisationId, DateTimeOffset? changedSince, PageRequest page,
        CancellationToken cancellationToken)
    {
        // The keys are text in a fixed format, so each comparison and the order are served by one range index.
        var query = changedSince is { } since
            ? new QueryDefinition("SELECT * FROM n WHERE n.organisationId = @organisation AND n.changedKey > @since ORDER BY n.inboxKey ASC")
                .WithParameter("@since", InboxItem.ChangeKey(since))
            : new QueryDefinition("SELECT * FROM n WHERE n.organisationId = @organisation ORDER BY n.inboxKey ASC");
        query = query.WithParameter("@organisation", organisationId);
        using var iterator = Items.GetItemQueryIterator<InboxItem>(query, ContinuationTokens.FromClient(page.ContinuationToken),
            new QueryRequestOptions { MaxItemCount = page.Size, PartitionKey = new PartitionKey(organisationId) });
        try
        {
            var response = await iterator.ReadNextAsync(cancellationToken);
            return new Page<InboxItem>(response.ToList(), ContinuationTokens.ToClient(response.ContinuationToken));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && page.ContinuationToken is not null)
        {
            throw RequestValidationException.ForField("continuationToken", "Not a token this API gave out, or one for another query.");
        }
    }

    public async Task<InboxItem?> FindAsync(string organisationId, string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await Items.ReadItemAsync<InboxItem>(id, new PartitionKey(organisationId), cancellationToken: cancellationToken)).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task ReplaceAsync(InboxItem item, CancellationToken cancellationToken) =>
        Items.ReplaceItemAsync(item, item.Id, new PartitionKey(item.OrganisationId), cancellationToken: cancellationToken);
}
