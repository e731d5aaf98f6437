using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Notifications;

namespace Reintegration.Functions;

/// <summary>The inbox of the caller's organisation, for apps: unread first, paged, and <c>changedSince</c> for polling.</summary>
public sealed class NotificationsFunctions(HttpEndpoint endpoint, NotificationInbox inbox)
{
    [Function("ListNotifications")]
    [ApiOperation("The caller's organisation's inbox, unread first; with changedSince, only what changed since.",
        Roles = [Role.Caseworker, Role.Coordinator, Role.Partner], Response = typeof(NotificationView), Shape = Shape.Page,
        Query = [QueryParameters.ChangedSinceInstant])]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var page = await inbox.ListAsync(caller, QueryReader.Instant(request, "changedSince"), QueryReader.Page(request), cancellationToken);
            return Responses.Ok(new NotificationPage(page.Items.Select(NotificationView.For(caller)).ToList(), page.ContinuationToken));
        });

    [Function("ReadNotification")]
    [ApiOperation("Marks a notification of the caller's organisation read.", Roles = [Role.Caseworker, Role.Coordinator, Role.Partner],
        Response = typeof(NotificationView))]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/{notificationId}/read")] HttpRequest request,
        string notificationId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(NotificationView.For(caller)(await inbox.MarkReadAsync(caller, RouteIds.Notification(notificationId), cancellationToken))));

    private sealed record NotificationPage(IReadOnlyList<object> Items, string? ContinuationToken);
}
