using System.Text.Json;
using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Configuration;

/// <summary>Checks a configuration and resolves it into entity definitions; every error names where it is.</summary>
static class ConfigValidator
{
    // Service Bus defaults where the file says nothing.
    static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(1);
    static readonly TimeSpan DefaultDuplicateWindow = TimeSpan.FromMinutes(10);
    const int DefaultMaxDeliveryCount = 10;

    public static void Validate(StandInConfig config) => Resolve(config);

    public static NamespaceDefinition Resolve(StandInConfig config)
    {
        List<NamespaceConfig> namespaces = config.UserConfig.Namespaces;
        if (namespaces.Count != 1)
        {
            throw new StandInConfigException($"UserConfig.Namespaces must hold exactly one namespace (found {namespaces.Count}).");
        }

        NamespaceConfig ns = namespaces[0];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queues = ns.Queues.Select(q => ResolveQueue(q, names)).ToList();
        var topics = ns.Topics.Select(t => ResolveTopic(t, names)).ToList();
        return new NamespaceDefinition(ns.Name, queues, topics);
    }

    static QueueDefinition ResolveQueue(QueueConfig queue, HashSet<string> names)
    {
        string where = $"Queue '{queue.Name}'";
        CheckName(queue.Name, "Queue", names);
        QueueProperties p = queue.Properties;
        RejectUnsupported(where, p.RequiresSession, p.ForwardTo, p.ForwardDeadLetteredMessagesTo);
        var receive = new ReceiveSettings(
            Durations.Parse(p.LockDuration, DefaultLockDuration, $"{where} LockDuration"),
            MaxDeliveryCount(p.MaxDeliveryCount, where),
            Durations.Parse(p.DefaultMessageTimeToLive, TimeSpan.MaxValue, $"{where} DefaultMessageTimeToLive"),
            p.DeadLetteringOnMessageExpiration);
        TimeSpan? window = p.RequiresDuplicateDetection
            ? Durations.Parse(p.DuplicateDetectionHistoryTimeWindow, DefaultDuplicateWindow, $"{where} DuplicateDetectionHistoryTimeWindow")
            : null;
        return new QueueDefinition(queue.Name, receive, window);
    }

    static TopicDefinition ResolveTopic(TopicConfig topic, HashSet<string> names)
    {
        string where = $"Topic '{topic.Name}'";
        CheckName(topic.Name, "Topic", names);
        TopicProperties p = topic.Properties;
        TimeSpan ttl = Durations.Parse(p.DefaultMessageTimeToLive, TimeSpan.MaxValue, $"{where} DefaultMessageTimeToLive");
        TimeSpan? window = p.RequiresDuplicateDetection
            ? Durations.Parse(p.DuplicateDetectionHistoryTimeWindow, DefaultDuplicateWindow, $"{where} DuplicateDetectionHistoryTimeWindow")
            : null;
        var subscriptionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var subscriptions = topic.Subscriptions.Select(s => ResolveSubscription(topic.Name, s, ttl, subscriptionNames)).ToList();
        return new TopicDefinition(topic.Name, ttl, window, subscriptions);
    }

    static SubscriptionDefinition ResolveSubscription(string topic, SubscriptionConfig subscription, TimeSpan topicTtl, HashSet<string> names)
    {
        string where = $"Subscription '{topic}/{subscription.Name}'";
        CheckName(subscription.Name, $"A subscription of topic '{topic}'", names);
        SubscriptionProperties p = subscription.Properties;
        RejectUnsupported(where, p.RequiresSession, p.ForwardTo, p.ForwardDeadLetteredMessagesTo);
        var receive = new ReceiveSettings(
            Durations.Parse(p.LockDuration, DefaultLockDuration, $"{where} LockDuration"),
            MaxDeliveryCount(p.MaxDeliveryCount, where),
            Durations.Parse(p.DefaultMessageTimeToLive, topicTtl, $"{where} DefaultMessageTimeToLive"),
            p.DeadLetteringOnMessageExpiration);
        List<SubscriptionRule> rules = subscription.Rules.Count == 0
            ? [new SubscriptionRule("$Default", TrueFilter.Instance)]
            : subscription.Rules.Select(r => ResolveRule(where, r)).ToList();
        return new SubscriptionDefinition(subscription.Name, receive, rules);
    }

    static SubscriptionRule ResolveRule(string subscription, RuleConfig rule)
    {
        string where = $"{subscription} rule '{rule.Name}'";
        RuleProperties p = rule.Properties;
        switch (p.FilterType.ToLowerInvariant())
        {
            case "correlation":
                CorrelationFilterConfig c = p.CorrelationFilter ?? throw new StandInConfigException($"{where}: FilterType Correlation needs a CorrelationFilter.");
                return new SubscriptionRule(rule.Name, new CorrelationFilter
                {
                    ContentType = c.ContentType,
                    CorrelationId = c.CorrelationId,
                    Subject = c.Label,
                    MessageId = c.MessageId,
                    ReplyTo = c.ReplyTo,
                    ReplyToSessionId = c.ReplyToSessionId,
                    SessionId = c.SessionId,
                    To = c.To,
                    ApplicationProperties = (c.Properties ?? []).ToDictionary(e => e.Key, e => ToValue(e.Value, where)),
                });
            case "sql":
                string expression = p.SqlFilter?.SqlExpression ?? throw new StandInConfigException($"{where}: FilterType Sql needs a SqlFilter.");
                try
                {
                    return new SubscriptionRule(rule.Name, SqlFilter.Parse(expression));
                }
                catch (SqlFilterException e)
                {
                    throw new StandInConfigException($"{where}: the SQL filter '{expression}' cannot be used: {e.Message}", e);
                }
            default:
                throw new StandInConfigException($"{where}: FilterType must be Correlation or Sql (found '{p.FilterType}').");
        }
    }

    static object? ToValue(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out long whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new StandInConfigException($"{where}: correlation properties must be strings, numbers or booleans."),
    };

    static int MaxDeliveryCount(int? value, string where) => value switch
    {
        null => DefaultMaxDeliveryCount,
        >= 1 => value.Value,
        _ => throw new StandInConfigException($"{where}: MaxDeliveryCount must be at least 1."),
    };

    static void CheckName(string name, string kind, HashSet<string> taken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new StandInConfigException($"{kind} without a Name.");
        }

        if (name.Contains("/$", StringComparison.Ordinal) || name.StartsWith('$'))
        {
            throw new StandInConfigException($"{kind} '{name}': names starting with '$' are reserved.");
        }

        if (!taken.Add(name))
        {
            throw new StandInConfigException($"{kind} '{name}' is defined twice (names are case-insensitive).");
        }
    }

    static void RejectUnsupported(string where, bool requiresSession, string? forwardTo, string? forwardDeadLettersTo)
    {
        if (requiresSession)
        {
            throw new StandInConfigException($"{where}: RequiresSession is not supported by the stand-in (see its README).");
        }

        if (!string.IsNullOrEmpty(forwardTo) || !string.IsNullOrEmpty(forwardDeadLettersTo))
        {
            throw new StandInConfigException($"{where}: ForwardTo and ForwardDeadLetteredMessagesTo are not supported by the stand-in.");
        }
    }
}
