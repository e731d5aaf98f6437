using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Notifications;

/// <summary>
/// Keeps each organisation's subscription in line with the reference data, which is the one record of what should
/// exist: an active partner or referring organisation has its subscription with its rule, an inactive one has none.
/// A change of an organisation asks for its subscription through the queue (retried by the host, then poisoned);
/// whatever a failed call or an unreachable queue left behind, the timer's reconciliation puts right; and delivery
/// makes sure a recipient's subscription exists before it publishes, so a new organisation's first notification
/// is not published into nothing. See docs/decisions/0019.
/// </summary>
public sealed class OrganisationSubscriptionSync(
    IReferenceDataStore referenceData,
    IOrganisationSubscriptions subscriptions,
    IOrganisationWorkQueue queue,
    ILogger<OrganisationSubscriptionSync> logger)
{
    /// <summary>Organisations whose subscription this process made (true) or removed (false): delivery asks Service Bus once per organisation.</summary>
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    /// <summary>Asks for the change now; if the queue is unreachable, the timer's reconciliation makes it later.</summary>
    public async Task RequestAsync(string organisationId, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(new OrganisationWork(organisationId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Subscription change of organisation {OrganisationId} not queued ({ExceptionType}); the reconciliation will make it",
                organisationId, e.GetType().Name);
        }
    }

    /// <summary>The queue's part: the organisation's subscription as its current state says. Running it twice changes nothing more.</summary>
    public async Task<SubscriptionChange> SyncAsync(string organisationId, CancellationToken cancellationToken)
    {
        var organisation = await referenceData.FindOrganisationAsync(organisationId, cancellationToken);
        if (organisation is null || SubscriptionRoutes.FilterOf(organisation) is not { } filter)
        {
            return SubscriptionChange.None;
        }
        if (organisation.Active)
        {
            await subscriptions.EnsureAsync(organisation.Id, filter, cancellationToken);
            known[organisation.Id] = true;
            return SubscriptionChange.Ensured;
        }
        await subscriptions.RemoveAsync(organisation.Id, cancellationToken);
        known[organisation.Id] = false;
        return SubscriptionChange.Removed;
    }

    /// <summary>
    /// Before a notification goes to these organisations: each active one's subscription exists. Only organisations not
    /// yet seen by this process cost a call; the coordination's subscription is the deployment's.
    /// </summary>
    public async Task EnsureRecipientsAsync(IEnumerable<string> organisationIds, CancellationToken cancellationToken)
    {
        foreach (var id in organisationIds.Distinct().Where(id => !known.ContainsKey(id)))
        {
            await SyncAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// The timer's part: creates the missing subscriptions of active organisations and deletes those of inactive ones.
    /// Subscriptions of no organisation (the coordination's, or one an operator made) are left alone.
    /// </summary>
    public async Task<ReconciliationRun> ReconcileAsync(CancellationToken cancellationToken)
    {
        var existing = (await subscriptions.ListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var run = new ReconciliationRun();
        foreach (var organisation in await referenceData.OrganisationsAsync(cancellationToken))
        {
            if (SubscriptionRoutes.FilterOf(organisation) is not { } filter)
            {
                continue;
            }
            if (organisation.Active && !existing.Contains(organisation.Id))
            {
                await subscriptions.EnsureAsync(organisation.Id, filter, cancellationToken);
                run.Created++;
            }
            else if (!organisation.Active && existing.Contains(organisation.Id))
            {
                await subscriptions.RemoveAsync(organisation.Id, cancellationToken);
                run.Removed++;
            }
            known[organisation.Id] = organisation.Active;
        }
        return run;
    }
}

public enum SubscriptionChange
{
    None,
    Ensured,
    Removed,
}

/// <summary>What one reconciliation did (logged).</summary>
public sealed class ReconciliationRun
{
    public int Created { get; set; }
    public int Removed { get; set; }
}
