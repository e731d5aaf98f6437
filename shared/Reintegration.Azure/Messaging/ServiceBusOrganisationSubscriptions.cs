using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Reintegration.Core.Notifications;

namespace Reintegration.Azure.Messaging;

/// <summary>
/// The organisations' subscriptions on the notification topic, through the management operations of
/// <see cref="ServiceBusAdministrationClient"/>. A new subscription is created together with its rule, so it never
/// holds Service Bus's catch-all $Default rule, not even for a moment. Settings as the deployment's (infra/modules/servicebus.bicep).
/// </summary>
public sealed class ServiceBusOrganisationSubscriptions(ServiceBusAdministrationClient admin, NotificationTopic topic) : IOrganisationSubscriptions
{
    public async Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var subscription in admin.GetSubscriptionsAsync(topic.Name, cancellationToken))
        {
            names.Add(subscription.SubscriptionName);
        }
        return names;
    }

    public async Task EnsureAsync(string name, string sqlFilter, CancellationToken cancellationToken)
    {
        var options = new CreateSubscriptionOptions(topic.Name, name)
        {
            DeadLetteringOnMessageExpiration = true,
            DefaultMessageTimeToLive = TimeSpan.FromDays(14),
            LockDuration = TimeSpan.FromMinutes(1),
            MaxDeliveryCount = 10,
            RequiresSession = false,
        };
        try
        {
            await admin.CreateSubscriptionAsync(options, new CreateRuleOptions(SubscriptionRoutes.RuleName, new SqlRuleFilter(sqlFilter)),
                cancellationToken);
            return;
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityAlreadyExists)
        {
            // It exists (made by the deployment, or before a deactivation): its rules are put right below.
        }
        var hasRoute = false;
        await foreach (var rule in admin.GetRulesAsync(topic.Name, name, cancellationToken))
        {
            if (rule.Name == SubscriptionRoutes.RuleName && rule.Filter is SqlRuleFilter sql && sql.SqlExpression == sqlFilter)
            {
                hasRoute = true;
                continue;
            }
            await DeleteRuleAsync(name, rule.Name, cancellationToken);
        }
        if (!hasRoute)
        {
            await admin.CreateRuleAsync(topic.Name, name, new CreateRuleOptions(SubscriptionRoutes.RuleName, new SqlRuleFilter(sqlFilter)),
                cancellationToken);
        }
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await admin.DeleteSubscriptionAsync(topic.Name, name, cancellationToken);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
            // Gone already.
        }
    }

    private async Task DeleteRuleAsync(string subscription, string rule, CancellationToken cancellationToken)
    {
        try
        {
            await admin.DeleteRuleAsync(topic.Name, subscription, rule, cancellationToken);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
