using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Notifications;

/// <summary>
/// The subscriptions on the notification topic: one per organisation, named after its id, with one rule
/// <see cref="SubscriptionRoutes.RuleName"/> taking what is addressed to it. Ensure and remove are idempotent.
/// </summary>
public interface IOrganisationSubscriptions
{
    /// <summary>The names of the subscriptions on the topic now.</summary>
    Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Makes the subscription exist with exactly one rule, <see cref="SubscriptionRoutes.RuleName"/>, with this filter.</summary>
    Task EnsureAsync(string name, string sqlFilter, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription (and what waits in it); nothing happens when there is none.</summary>
    Task RemoveAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The filter of an organisation's subscription, on the application properties the publisher sets.</summary>
public static class SubscriptionRoutes
{
    public const string RuleName = "route";

    /// <summary>Null for the coordination: its subscription ("coordination", every escalation) is made by the deployment.</summary>
    public static string? FilterOf(Organisation organisation) => organisation.Kind switch
    {
        OrganisationKind.Partner => $"partnerId = '{Quoted(organisation.Id)}'",
        OrganisationKind.Referring => $"organisationId = '{Quoted(organisation.Id)}'",
        _ => null,
    };

    /// <summary>Ids cannot hold a quote today; doubled anyway, as SQL filter literals want it.</summary>
    private static string Quoted(string id) => id.Replace("'", "''", StringComparison.Ordinal);
}
