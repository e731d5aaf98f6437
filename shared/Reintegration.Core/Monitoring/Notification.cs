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
    /// <summary>The partner organisation it is for (reminders and overdue alerts).</summary>
    public string? PartnerId { get; init; }
    /// <summary>The referring organisation it is for (escalations; coordinators receive those too).</summary>
    public string? OrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    public static string IdFor(string caseId, string checkpointId, AlertKind kind, DateOnly day) =>
        $"{caseId}/{checkpointId}/{kind}/{day:yyyyMMdd}";
}

/// <summary>What goes out on the wire: enough for a person to act, and no personal data beyond initials.</summary>
public sealed record NotificationMessage(
    string MessageId, AlertKind Kind, string CaseId, string Initials, string CheckpointId, DateOnly DueOn,
    string? PartnerId, string? OrganisationId, string Link);

/// <summary>Publishes notifications to partners and caseworkers (Service Bus in Azure and locally).</summary>
public interface INotificationPublisher
{
    Task PublishAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken);
}
