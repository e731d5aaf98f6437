using Reintegration.Core.Access;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases;

/// <summary>
/// The notices a partner acts on along the journey (assignment, reassignment away, the plan's decision, the
/// departure), recorded in the outbox with the change that causes them, so the same conditional write stores both.
/// </summary>
public sealed partial class Case
{
    /// <summary>The partner now holding the case prepares the reception.</summary>
    public void NotifyAssigned(DateTimeOffset now) => NotifyPartner(AlertKind.PartnerAssigned, PartnerId, DateOnly.FromDateTime(now.UtcDateTime), now);

    /// <summary>The former partner stops its work: called by whatever moves the case to another partner.</summary>
    public void NotifyUnassigned(string formerPartnerId, DateTimeOffset now) =>
        NotifyPartner(AlertKind.PartnerUnassigned, formerPartnerId, DateOnly.FromDateTime(now.UtcDateTime), now);

    private void NotifyPlanApproved(DateTimeOffset now) => NotifyPartner(AlertKind.PlanApproved, PartnerId, DateOnly.FromDateTime(now.UtcDateTime), now);

    private void NotifyPlanReturned(DateTimeOffset now) => NotifyPartner(AlertKind.PlanReturned, PartnerId, DateOnly.FromDateTime(now.UtcDateTime), now);

    /// <summary>Returnees travel directly, so the arrival is expected on the day of departure.</summary>
    private void NotifyDeparted(DateTimeOffset now) => NotifyPartner(AlertKind.Departed, PartnerId, DepartedOn!.Value, now);

    /// <summary>
    /// One notice per change: the timeline's length at the change keeps the ids of two changes of the same kind on the
    /// same day apart, and the recorded id is what every redelivery sends, so duplicates are dropped.
    /// Nothing goes to a partner that may not see the case now (consent withdrawn).
    /// </summary>
    private void NotifyPartner(AlertKind kind, string? partnerId, DateOnly dueOn, DateTimeOffset now)
    {
        if (partnerId is null || ConsentWithdrawn)
        {
            return;
        }
        Outbox.Add(new Notification
        {
            MessageId = Notification.IdFor(Id, "journey", kind, DateOnly.FromDateTime(now.UtcDateTime)) + $"/{Timeline.Count}",
            Kind = kind,
            CheckpointId = "",
            DueOn = dueOn,
            PartnerId = partnerId,
            CreatedAt = now,
        });
    }

    /// <summary>Where the case moves to a partner (docs/decisions/0021): the new one prepares, the former one stops.</summary>
    partial void OnPartnerChanged(string? from, string to, Caller actor, DateTimeOffset now)
    {
        if (from is not null && from != to)
        {
            NotifyUnassigned(from, now);
        }
        if (from != to)
        {
            NotifyAssigned(now);
        }
    }
}
