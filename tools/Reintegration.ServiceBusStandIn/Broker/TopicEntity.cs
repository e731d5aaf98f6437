using Reintegration.ServiceBusStandIn.Configuration;
using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>A topic: each message is copied to every subscription with a matching rule.</summary>
sealed class TopicEntity : SendTarget
{
    public TopicEntity(BrokerContext broker, TopicDefinition definition)
        : base(broker, definition.Name, definition.DefaultTimeToLive, definition.DuplicateDetectionWindow)
    {
        Subscriptions = definition.Subscriptions
            .Select(s => new Subscription(broker, definition.Name, s))
            .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, Subscription> Subscriptions { get; }

    protected override void Publish(BrokeredMessage message)
    {
        FilterContext filterView = message.Content.FilterView;
        bool routed = false;
        foreach (Subscription subscription in Subscriptions.Values)
        {
            if (!subscription.Accepts(filterView))
            {
                continue;
            }

            routed = true;
            Broker.After(log => BrokerLog.RoutedToSubscription(log, message.LogId, Name, subscription.Name));
            BrokeredMessage copy = message.CopyForEntity();
            subscription.Messages.Enqueue(copy);
        }

        if (!routed)
        {
            Broker.After(log => BrokerLog.MatchedNoSubscription(log, message.LogId, Name));
        }
    }
}

/// <summary>A topic subscription: its rules decide which messages it gets.</summary>
sealed class Subscription
{
    readonly IReadOnlyList<SubscriptionRule> rules;

    public Subscription(BrokerContext broker, string topic, SubscriptionDefinition definition)
    {
        Name = definition.Name;
        rules = definition.Rules;
        string path = $"{topic}/Subscriptions/{definition.Name}";
        var deadLetters = new MessageQueue(broker, $"{path}/$DeadLetterQueue", QueueEntity.DeadLetterSettings(definition.Receive), null);
        Messages = new MessageQueue(broker, path, definition.Receive, deadLetters);
    }

    public string Name { get; }

    public MessageQueue Messages { get; }

    public bool Accepts(FilterContext message) => rules.Any(rule => rule.Filter.Matches(message));
}
