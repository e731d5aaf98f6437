using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Observability;
using Reintegration.Core.Notifications;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Monitoring;

/// <summary>
/// Sends a case's undelivered notifications, puts them in each recipient's inbox, then marks them sent. If publishing
/// or the inbox fails, nothing is marked and the queue (and later the deadline job) tries again; a retry sends the same
/// MessageIds, which Service Bus drops as duplicates, and writes the same inbox items, which are kept as they are.
/// So the bus and the inboxes carry the same notifications from the one outbox.
/// </summary>
public sealed class NotificationDelivery(
    SystemCaseChanges system,
    INotificationPublisher publisher,
    INotificationInbox inbox,
    IReferenceDataStore referenceData,
    OrganisationSubscriptionSync subscriptions,
    ProgrammeClock clock,
    ProgrammeMetrics metrics)
{
    /// <summary>The queue's part: answers how many notifications went out.</summary>
    public async Task<int> DeliverAsync(CaseId caseId, CancellationToken cancellationToken) =>
        (await DeliverPendingAsync(caseId, cancellationToken)).Sent;

    /// <summary>
    /// Delivers and answers the case as marked (null when nothing was pending), so the person whose change caused the
    /// notifications gets the case's version after the marking and can act on it without a 412.
    /// </summary>
    public async Task<(int Sent, Versioned<Case>? Marked)> DeliverPendingAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var found = await system.FindAsync(caseId, cancellationToken);
        if (found is null)
        {
            return (0, null);
        }
        var @case = found.Value;
        var pending = @case.PendingNotifications;
        if (pending.Count == 0)
        {
            return (0, null);
        }
        var messages = pending.Select(n => NotificationMessage.Of(@case.Id, n)).ToList();
        var coordination = (await referenceData.OrganisationsAsync(cancellationToken))
            .Where(o => o.Kind == OrganisationKind.Coordination && o.Active).Select(o => o.Id).ToList();
        var recipients = messages.SelectMany(m => RecipientsOf(m, coordination).Select(organisationId => (Message: m, OrganisationId: organisationId))).ToList();
        // A new organisation's subscription is made before its first notification is published, not after.
        await subscriptions.EnsureRecipientsAsync(recipients.Select(r => r.OrganisationId).Where(id => !coordination.Contains(id)), cancellationToken);
        try
        {
            await publisher.PublishAsync(messages, cancellationToken);
        }
        catch (Exception e)
        {
            // Cancelled too: an attempt cut off by the change's inline budget (or a host shutting down) published nothing.
            metrics.RecordDeliveryFailed(messages.Count, e);
            throw;
        }
        foreach (var kind in messages.GroupBy(m => m.Kind))
        {
            metrics.RecordDelivered(kind.Key.ToString(), kind.Count());
        }
        var now = clock.Now;
        await inbox.AddAsync(recipients.Select(r => InboxItem.For(r.Message, r.OrganisationId, now)).ToList(), cancellationToken);
        var sent = messages.Select(m => m.MessageId).ToHashSet();
        // Marked only when something was still unmarked: a delivery run twice leaves the case (and its ETag) alone.
        // Bookkeeping: whoever read the case before the marking may still act on that version.
        var (marked, _) = await system.KeepBooksAsync(caseId, c =>
        {
            var unmarked = c.PendingNotifications.Count;
            c.MarkSent(sent, now);
            return c.PendingNotifications.Count < unmarked;
        }, cancellationToken);
        return (messages.Count, marked);
    }

    /// <summary>
    /// The organisations a message reaches, as the topic's subscriptions route it: the partner (partnerId), the referring
    /// organisation (organisationId) and, for an escalation, the coordination.
    /// </summary>
    public static IEnumerable<string> RecipientsOf(NotificationMessage message, IEnumerable<string> coordination)
    {
        var recipients = new List<string>();
        if (message.PartnerId is not null) recipients.Add(message.PartnerId);
        if (message.OrganisationId is not null) recipients.Add(message.OrganisationId);
        if (message.Kind == AlertKind.Escalation) recipients.AddRange(coordination);
        return recipients.Distinct();
    }
}
