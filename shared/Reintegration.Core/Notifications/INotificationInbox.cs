using Reintegration.Core.Cases;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Notifications;

/// <summary>Each organisation's inbox (Cosmos DB, partitioned by organisation).</summary>
public interface INotificationInbox
{
    /// <summary>Adds the items not there yet; an item already there (a redelivery) is left as it is, read or not.</summary>
    Task AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>Unread first, then newest first; only items changed after <paramref name="changedSince"/> when given.</summary>
    Task<Page<InboxItem>> PageAsync(string organisationId, DateTimeOffset? changedSince, PageRequest page, CancellationToken cancellationToken);

    Task<InboxItem?> FindAsync(string organisationId, string id, CancellationToken cancellationToken);

    Task ReplaceAsync(InboxItem item, CancellationToken cancellationToken);
}
