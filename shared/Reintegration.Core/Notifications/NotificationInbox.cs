using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Notifications;

/// <summary>
/// The inbox of the caller's organisation, for the web and mobile apps. Only ever the caller's own organisation's
/// partition is read, so another organisation's notification answers 404 exactly as an unknown one.
/// </summary>
public sealed class NotificationInbox(INotificationInbox inbox, ProgrammeClock clock)
{
    public Task<Page<InboxItem>> ListAsync(Caller caller, DateTimeOffset? changedSince, PageRequest page, CancellationToken cancellationToken)
    {
        EnsureHasInbox(caller);
        return inbox.PageAsync(caller.OrganisationId, changedSince, page, cancellationToken);
    }

    /// <summary>Marking read twice is harmless: the second time changes nothing.</summary>
    public async Task<InboxItem> MarkReadAsync(Caller caller, NotificationId id, CancellationToken cancellationToken)
    {
        EnsureHasInbox(caller);
        var item = await inbox.FindAsync(caller.OrganisationId, id.Value, cancellationToken) ?? throw new NotFoundException("Notification");
        if (item.ReadAt is not null)
        {
            return item;
        }
        var read = item.MarkedRead(clock.Now);
        await inbox.ReplaceAsync(read, cancellationToken);
        return read;
    }

    /// <summary>Notifications go to partners, referring organisations and the coordination; the DPO audits and receives none.</summary>
    private static void EnsureHasInbox(Caller caller)
    {
        if (caller.Role is not (Role.Partner or Role.Caseworker or Role.Coordinator))
        {
            throw new ForbiddenException("Notifications are for partners, caseworkers and coordinators.");
        }
    }
}
