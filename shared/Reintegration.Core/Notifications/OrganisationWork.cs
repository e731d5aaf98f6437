namespace Reintegration.Core.Notifications;

/// <summary>A queue message: which organisation's subscription to bring in line. Nothing else.</summary>
public sealed record OrganisationWork(string OrganisationId);

/// <summary>The queue of subscription changes (Storage queues, like the app's other background work).</summary>
public interface IOrganisationWorkQueue
{
    public const string OrganisationSubscriptions = "organisation-subscriptions";

    Task EnqueueAsync(OrganisationWork work, CancellationToken cancellationToken);
}
