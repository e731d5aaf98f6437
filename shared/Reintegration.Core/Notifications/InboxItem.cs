using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Notifications;

/// <summary>
/// One notification in one organisation's inbox, written by delivery from the same outbox entry that went on the bus
/// (same MessageId). Ids, kind, dates and the action expected: no personal data.
/// </summary>
public sealed record InboxItem
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required string MessageId { get; init; }
    public required AlertKind Kind { get; init; }
    public required string CaseId { get; init; }
    public string? CheckpointId { get; init; }
    public required DateOnly DueOn { get; init; }
    public required string ExpectedAction { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>Unread first, then newest first: the inbox's one sort order, as text so a single index serves it.</summary>
    public string InboxKey => $"{(ReadAt is null ? 0 : 1)}/{DateTimeOffset.MaxValue.UtcTicks - CreatedAt.UtcTicks:D19}/{Id}";

    /// <summary>When it was added or last read, to the tick in UTC, so <c>changedSince</c> compares as text.</summary>
    public string ChangedKey => ChangeKey(ChangedAt);

    public static string ChangeKey(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z";

    public InboxItem MarkedRead(DateTimeOffset now) => ReadAt is null ? this with { ReadAt = now, ChangedAt = now } : this;

    /// <summary>The inbox item of a delivered message for one of its recipients.</summary>
    public static InboxItem For(NotificationMessage message, string organisationId, DateTimeOffset deliveredAt) => new()
    {
        Id = Ids.NotificationId.For(organisationId, message.MessageId).Value,
        OrganisationId = organisationId,
        MessageId = message.MessageId,
        Kind = message.Kind,
        CaseId = message.CaseId,
        CheckpointId = message.CheckpointId.Length > 0 ? message.CheckpointId : null,
        DueOn = message.DueOn,
        // The partner reports; the others who hear of an escalation follow the overdue report up (their task of that name).
        ExpectedAction = organisationId == message.PartnerId ? message.ExpectedAction : "overdue-report",
        CreatedAt = message.CreatedAt,
        ChangedAt = deliveredAt,
    };
}
