using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases;

/// <summary>
/// Another partner takes over the case (the first one stops work, or cannot serve the person). The old partner loses
/// access at once, because access follows <see cref="PartnerId"/>; what it spent stays in the ledger under its name; the
/// budget still reserved is the new partner's to spend; alerts not yet sent go to the new partner.
/// </summary>
public sealed partial class Case
{
    public void ReassignPartner(Caller coordinator, DateTimeOffset now, string to, string reason)
    {
        if (Allows(CaseAction.ReassignPartner) && to == PartnerId)
        {
            throw new RuleViolationException("The case is with this partner already.",
                [new RuleFailure("partner-changes", $"'{to}' works on the case now; name another partner.")]);
        }
        var from = PartnerId;
        var budget = BudgetOverview.Of(this);
        Move(CaseAction.ReassignPartner, coordinator, now, Status,
            $"From {from} to {to}; {budget.Spent + budget.Pending:0.00} EUR spent stays with {from}, " +
            $"{budget.Remaining:0.00} EUR still reserved moves to {to}: {reason}");
        // Every spending so far was recorded by the partner that leaves (spending starts after arrival, with one partner).
        if (from is not null)
        {
            Spending.StampRecordedBy(from);
        }
        PartnerId = to;
        HandOverNotices(from, to);
        OnPartnerChanged(from, to, coordinator, now);
    }

    /// <summary>
    /// The old partner's undelivered notices go to the new one, but for its notice of assignment: it would reach a
    /// partner that can no longer open the case, and the new partner gets one of its own.
    /// </summary>
    private void HandOverNotices(string? from, string to)
    {
        if (from is null || from == to)
        {
            return;
        }
        Outbox.DropPending(n => n.PartnerId == from && n.Kind == AlertKind.PartnerAssigned);
        Readdress(n => n.PartnerId == from, n => n with { PartnerId = to });
    }

    /// <summary>
    /// Where a partner is assigned to the case, or leaves it for another (<paramref name="from"/> is null at the first
    /// assignment): a notification to either partner goes here, in a partial file of its own. Called after the change.
    /// </summary>
    partial void OnPartnerChanged(string? from, string to, Caller actor, DateTimeOffset now);

    /// <summary>
    /// Points the undelivered notifications that match to someone else. Each gets a new message id: one published but
    /// not yet marked sent keeps its old id at Service Bus, which would drop the re-addressed copy as a duplicate.
    /// </summary>
    private int Readdress(Func<Notification, bool> addressedToOld, Func<Notification, Notification> toNew) =>
        Outbox.Readdress(addressedToOld, n => toNew(n) with { MessageId = $"{n.MessageId}/{Timeline.Count}" });
}
