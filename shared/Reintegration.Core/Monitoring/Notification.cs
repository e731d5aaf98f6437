namespace Reintegration.Core.Monitoring;

/// <summary>
/// A notification recorded with the change that causes it (the case's outbox) and delivered
/// afterwards; <see cref="SentAt"/> is set once Service Bus accepted it.
/// </summary>
public sealed record Notification
{
    /// <summary>Deterministic (case, checkpoint, kind, day): Service Bus drops a second send of the same id.</summary>
    public required string MessageId { get; init; }
    public required AlertKind Kind { get; init; }
    public required string CheckpointId { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>The partner organisation it is for (every kind while the partner must act, escalations included).</summary>
    public string? PartnerId { get; init; }
    /// <summary>The referring organisation it is for (escalations; coordinators receive those too).</summary>
    public string? OrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    public static string IdFor(string caseId, string checkpointId, AlertKind kind, DateOnly day) =>
        $"{caseId}/{checkpointId}/{kind}/{day:yyyyMMdd}";
}

/// <summary>
/// What goes out on the wire and into the inbox: the case id, the kind, the dates and the action expected, and no
/// personal data at all (not even initials: a partner's own IT may not be cleared for it).
/// </summary>
public sealed record NotificationMessage(
    string MessageId, AlertKind Kind, string CaseId, string CheckpointId, DateOnly DueOn, string ExpectedAction,
    string? PartnerId, string? OrganisationId, string Link, DateTimeOffset CreatedAt)
{
    public static NotificationMessage Of(string caseId, Notification n) =>
        new(n.MessageId, n.Kind, caseId, n.CheckpointId, n.DueOn, NotificationActions.ExpectedOf(n.Kind), n.PartnerId, n.OrganisationId,
            n.CheckpointId.Length > 0 ? $"/api/cases/{caseId}/checkpoints" : $"/api/cases/{caseId}", n.CreatedAt);
}

/// <summary>The action each kind of notification asks of the partner, in the task list's words.</summary>
public static class NotificationActions
{
    public static string ExpectedOf(AlertKind kind) => kind switch
    {
        AlertKind.Reminder or AlertKind.Overdue or AlertKind.Escalation => "submit-report",
        AlertKind.PartnerAssigned or AlertKind.PlanApproved => "prepare-reception",
        AlertKind.Departed => "confirm-arrival",
        AlertKind.PlanReturned => "await-revised-plan",
        AlertKind.PartnerUnassigned or AlertKind.CasePaused => "stop-work",
        AlertKind.CaseResumed => "resume-work",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>Publishes notifications to partners and caseworkers (Service Bus in Azure and locally).</summary>
public interface INotificationPublisher
{
    Task PublishAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken);
}
