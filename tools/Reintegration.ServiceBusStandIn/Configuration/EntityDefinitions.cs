using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Configuration;

// The configuration resolved into what the broker needs: durations parsed, filters compiled.

sealed record ReceiveSettings(TimeSpan LockDuration, int MaxDeliveryCount, TimeSpan DefaultTimeToLive, bool DeadLetterOnExpiration);

sealed record QueueDefinition(string Name, ReceiveSettings Receive, TimeSpan? DuplicateDetectionWindow);

sealed record TopicDefinition(string Name, TimeSpan DefaultTimeToLive, TimeSpan? DuplicateDetectionWindow, IReadOnlyList<SubscriptionDefinition> Subscriptions);

sealed record SubscriptionDefinition(string Name, ReceiveSettings Receive, IReadOnlyList<SubscriptionRule> Rules);

sealed record SubscriptionRule(string Name, IMessageFilter Filter, DateTimeOffset? CreatedAt = null);

sealed record NamespaceDefinition(string Name, IReadOnlyList<QueueDefinition> Queues, IReadOnlyList<TopicDefinition> Topics);
