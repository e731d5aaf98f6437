using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Observability;
using Reintegration.Core.Time;

namespace Reintegration.Core.Monitoring;

/// <summary>
/// Sends a case's undelivered notifications, then marks them sent. If publishing fails, nothing is
/// marked and the queue (and later the deadline job) tries again; if marking fails after a send,
/// the retry sends the same MessageIds, which Service Bus drops as duplicates.
/// </summary>
public sealed class NotificationDelivery(SystemCaseChanges system, INotificationPublisher publisher, ProgrammeClock clock, ProgrammeMetrics metrics)
{
    public async Task<int> DeliverAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var found = await system.FindAsync(caseId, cancellationToken);
        if (found is null)
        {
            return 0;
        }
        var @case = found.Value;
        var pending = @case.PendingNotifications;
        if (pending.Count == 0)
        {
            return 0;
        }
        var messages = pending.Select(n => new NotificationMessage(n.MessageId, n.Kind, @case.Id, n.Kind is AlertKind.CasePaused or AlertKind.CaseResumed ? "" : @case.Person.Initials, n.CheckpointId,
            n.DueOn, n.PartnerId, n.OrganisationId, $"/api/cases/{@case.Id}/checkpoints")).ToList();
        try
        {
            await publisher.PublishAsync(messages, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.RecordDeliveryFailed(messages.Count, e);
            throw;
        }
        foreach (var kind in messages.GroupBy(m => m.Kind))
        {
            metrics.RecordDelivered(kind.Key.ToString(), kind.Count());
        }
        var sent = messages.Select(m => m.MessageId).ToHashSet();
        // Marked only when something was still unmarked: a delivery run twice leaves the case (and its ETag) alone.
        await system.ChangeAsync(caseId, c =>
        {
            var unmarked = c.PendingNotifications.Count;
            c.MarkSent(sent, clock.Now);
            return c.PendingNotifications.Count < unmarked;
        }, marked => marked, cancellationToken);
        return messages.Count;
    }
}
