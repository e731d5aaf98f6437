using System.Collections.Concurrent;
using Reintegration.Core.Notifications;
using Reintegration.Core.ReferenceData;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// The organisations' subscriptions of a local run, kept here while the Service Bus stand-in does not serve the
/// management operations of ServiceBusAdministrationClient: the app manages them exactly as in Azure, and a test can
/// read what it asked for. The stand-in itself carries the subscriptions of the seeded organisations only
/// (<see cref="NotificationEntities"/>); once it serves management, the app's own adapter replaces this class.
/// </summary>
public sealed class LocalOrganisationSubscriptions : IOrganisationSubscriptions
{
    private readonly ConcurrentDictionary<string, string> _filters = new(StringComparer.OrdinalIgnoreCase);

    public LocalOrganisationSubscriptions(ReferenceDataSet seed)
    {
        foreach (var organisation in seed.Organisations)
        {
            if (SubscriptionRoutes.FilterOf(organisation) is { } filter)
            {
                _filters[organisation.Id] = filter;
            }
        }
        _filters[NotificationEntities.CoordinatorSubscription] = "kind = 'Escalation'";
    }

    /// <summary>Each subscription's rule "route" as the app last set it.</summary>
    public IReadOnlyDictionary<string, string> Filters => new Dictionary<string, string>(_filters, StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(_filters.Keys.ToList());

    public Task EnsureAsync(string name, string sqlFilter, CancellationToken cancellationToken)
    {
        _filters[name] = sqlFilter;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        _filters.TryRemove(name, out _);
        return Task.CompletedTask;
    }
}
