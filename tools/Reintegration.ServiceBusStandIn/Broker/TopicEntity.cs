using System.Collections.Concurrent;
using Reintegration.ServiceBusStandIn.Configuration;
using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// A topic: each message is copied to every subscription with a matching rule. Subscriptions come from
/// the configuration and from the management endpoint; they change inside the broker gate, and link
/// routing reads them without it (hence the concurrent dictionary).
/// </summary>
sealed class TopicEntity : SendTarget
{
    readonly ConcurrentDictionary<string, Subscription> subscriptions;
    long added;

    public TopicEntity(BrokerContext broker, TopicDefinition definition)
        : base(broker, definition.Name, definition.DefaultTimeToLive, definition.DuplicateDetectionWindow)
    {
        subscriptions = new ConcurrentDictionary<string, Subscription>(
            definition.Subscriptions.Select(s => KeyValuePair.Create(s.Name, new Subscription(broker, definition.Name, s, ++added))),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, Subscription> Subscriptions => subscriptions;

    /// <summary>Adds a subscription; false if one of that name (case-insensitive) exists. Call inside the gate.</summary>
    public bool TryAddSubscription(SubscriptionDefinition definition) =>
        subscriptions.TryAdd(definition.Name, new Subscription(Broker, Name, definition, ++added));

    /// <summary>Removes a subscription and its messages; false if there is none. Call inside the gate.</summary>
    public bool TryRemoveSubscription(string name) => subscriptions.TryRemove(name, out _);

    protected override void Publish(BrokeredMessage message)
    {
        FilterContext filterView = message.Content.FilterView;
        bool routed = false;
        foreach (Subscription subscription in subscriptions.Values.OrderBy(s => s.Order))
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
    IReadOnlyList<SubscriptionRule> rules;

    public Subscription(BrokerContext broker, string topic, SubscriptionDefinition definition, long order)
    {
        Name = definition.Name;
        Order = order;
        CreatedAt = broker.Now;
        Receive = definition.Receive;
        rules = definition.Rules;
        string path = $"{topic}/Subscriptions/{definition.Name}";
        var deadLetters = new MessageQueue(broker, $"{path}/$DeadLetterQueue", QueueEntity.DeadLetterSettings(definition.Receive), null);
        Messages = new MessageQueue(broker, path, definition.Receive, deadLetters);
    }

    public string Name { get; }

    /// <summary>Routing (and so the log) follows the order subscriptions were created in.</summary>
    public long Order { get; }

    public ReceiveSettings Receive { get; }

    public DateTimeOffset CreatedAt { get; }

    public MessageQueue Messages { get; }

    /// <summary>The rules in the order they were added. A subscription without rules gets no messages, as in Service Bus.</summary>
    public IReadOnlyList<SubscriptionRule> Rules => rules;

    public bool Accepts(FilterContext message) => rules.Any(rule => rule.Filter.Matches(message));

    /// <summary>Adds a rule; false if one of that name exists. Call inside the gate.</summary>
    public bool TryAddRule(SubscriptionRule rule)
    {
        if (rules.Any(r => r.Name.Equals(rule.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        rules = [.. rules, rule];
        return true;
    }

    /// <summary>Replaces the filter of an existing rule; false if there is none. Call inside the gate.</summary>
    public bool TryReplaceRule(SubscriptionRule rule)
    {
        if (!rules.Any(r => r.Name.Equals(rule.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        rules = [.. rules.Select(r => r.Name.Equals(rule.Name, StringComparison.OrdinalIgnoreCase) ? rule : r)];
        return true;
    }

    /// <summary>Removes a rule; false if there is none. Call inside the gate.</summary>
    public bool TryRemoveRule(string name)
    {
        if (!rules.Any(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        rules = [.. rules.Where(r => !r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))];
        return true;
    }
}
