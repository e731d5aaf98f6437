using Reintegration.Core.Access;
using Reintegration.Core.Notifications;

namespace Reintegration.Api.Representations;

/// <summary>
/// One notification in the caller's organisation's inbox: ids, kind, dates and the action expected; no personal data.
/// <see cref="MessageId"/> is the Service Bus message's, so an app that also reads the bus can tell the two are one.
/// </summary>
public sealed record NotificationView(string Id, string MessageId, string Kind, string CaseId, string? CheckpointId, DateOnly DueOn, string ExpectedAction,
    DateTimeOffset CreatedAt, DateTimeOffset ChangedAt, bool Read, DateTimeOffset? ReadAt)
{
    public static readonly ViewsByRole<InboxItem> ByRole = new ViewsByRole<InboxItem>("notification")
        .Give((_, n) => new NotificationView(n.Id, n.MessageId, n.Kind.ToString(), n.CaseId, n.CheckpointId, n.DueOn, n.ExpectedAction, n.CreatedAt,
            n.ChangedAt, n.ReadAt is not null, n.ReadAt), Role.Caseworker, Role.Coordinator, Role.Partner);

    public static Func<InboxItem, object> For(Caller caller) => n => ByRole.For(caller, n);
}
