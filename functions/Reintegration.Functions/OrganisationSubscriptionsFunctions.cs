using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Core;
using Reintegration.Core.Ids;
using Reintegration.Core.Notifications;

namespace Reintegration.Functions;

/// <summary>Each organisation's Service Bus subscription follows the reference data (docs/decisions/0019).</summary>
public sealed class OrganisationSubscriptionsFunctions(OrganisationSubscriptionSync sync, ILogger<OrganisationSubscriptionsFunctions> logger)
{
    [Function("SyncOrganisationSubscription")]
    public async Task Sync(
        [QueueTrigger(IOrganisationWorkQueue.OrganisationSubscriptions, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        // Queue messages are input too: one that names no organisation fails (and ends in the poison queue).
        var work = JsonSerializer.Deserialize<OrganisationWork>(message, ProgrammeJson.Options);
        var organisationId = work is not null && OrganisationId.TryFrom(work.OrganisationId) is { IsSuccess: true } parsed
            ? parsed.ValueObject
            : throw new FormatException("The queue message does not name an organisation.");
        var change = await sync.SyncAsync(organisationId.Value, cancellationToken);
        logger.LogInformation("Subscription of organisation {OrganisationId}: {Change}", organisationId.Value, change);
    }

    /// <summary>On the deadline job's schedule: puts right whatever a failed call or an unreachable queue left behind.</summary>
    [Function("ReconcileOrganisationSubscriptions")]
    public async Task Reconcile([TimerTrigger("%MonitoringDeadlineSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await sync.ReconcileAsync(cancellationToken);
        logger.LogInformation("Subscriptions reconciled: {Created} created, {Removed} removed", run.Created, run.Removed);
    }
}
