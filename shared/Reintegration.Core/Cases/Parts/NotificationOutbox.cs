using System.Text.Json.Serialization;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases.Parts;

/// <summary>
/// Notifications recorded with the change that causes them, in the same write, and delivered afterwards
/// (at least once; Service Bus drops a second send of the same message id).
/// </summary>
[JsonConverter(typeof(CasePartConverter<NotificationOutbox, Notification>))]
public sealed class NotificationOutbox : CasePart<Notification>, ICasePart<NotificationOutbox, Notification>
{
    public NotificationOutbox() : base([])
    {
    }

    private NotificationOutbox(IEnumerable<Notification> notifications) : base(notifications)
    {
    }

    public static NotificationOutbox From(IEnumerable<Notification> items) => new(items);

    public bool HasPending => Items.Any(n => n.SentAt is null);

    public IReadOnlyList<Notification> Pending => Items.Where(n => n.SentAt is null).ToList();

    /// <summary>Whether this alert about the checkpoint was recorded already (sent or not): each is raised once.</summary>
    public bool Holds(string checkpointId, AlertKind kind) => Items.Any(n => n.CheckpointId == checkpointId && n.Kind == kind);

    public void Add(Notification notification) => Items.Add(notification);

    public void MarkSent(IReadOnlyCollection<string> messageIds, DateTimeOffset now)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].SentAt is null && messageIds.Contains(Items[i].MessageId))
            {
                Items[i] = Items[i] with { SentAt = now };
            }
        }
    }

    /// <summary>Changes the undelivered notifications that match (their address, their id); answers how many.</summary>
    public int Readdress(Func<Notification, bool> which, Func<Notification, Notification> change)
    {
        var changed = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].SentAt is null && which(Items[i]))
            {
                Items[i] = change(Items[i]);
                changed++;
            }
        }
        return changed;
    }

    /// <summary>Drops the undelivered notifications that no longer call for action (all of them, without a filter).</summary>
    public void DropPending(Func<Notification, bool>? which = null) =>
        Items.RemoveAll(n => n.SentAt is null && (which is null || which(n)));
}
