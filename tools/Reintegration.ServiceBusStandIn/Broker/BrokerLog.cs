using Microsoft.Extensions.Logging;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// What the stand-in tells a person watching it. Only message ids and entity names are logged, never
/// bodies or properties: bodies may carry personal data.
/// </summary>
static partial class BrokerLog
{
    [LoggerMessage(1, LogLevel.Information, "Service Bus stand-in listening on port {Port} with {QueueCount} queue(s) and {TopicCount} topic(s)")]
    public static partial void Started(ILogger logger, int port, int queueCount, int topicCount);

    [LoggerMessage(2, LogLevel.Information, "Message {MessageId} -> queue {Queue}")]
    public static partial void EnqueuedToQueue(ILogger logger, string messageId, string queue);

    [LoggerMessage(3, LogLevel.Information, "Message {MessageId} on topic {Topic} -> subscription {Subscription}")]
    public static partial void RoutedToSubscription(ILogger logger, string messageId, string topic, string subscription);

    [LoggerMessage(4, LogLevel.Information, "Message {MessageId} on topic {Topic} matched no subscription")]
    public static partial void MatchedNoSubscription(ILogger logger, string messageId, string topic);

    [LoggerMessage(5, LogLevel.Information, "Message {MessageId} on {Entity} dropped as a duplicate")]
    public static partial void DuplicateDropped(ILogger logger, string messageId, string entity);

    [LoggerMessage(6, LogLevel.Information, "Message {MessageId} on {Entity} scheduled for {EnqueueAt:o} as #{SequenceNumber}")]
    public static partial void Scheduled(ILogger logger, string messageId, string entity, DateTimeOffset enqueueAt, long sequenceNumber);

    [LoggerMessage(7, LogLevel.Information, "Scheduled message #{SequenceNumber} on {Entity} cancelled")]
    public static partial void ScheduleCancelled(ILogger logger, long sequenceNumber, string entity);

    [LoggerMessage(8, LogLevel.Information, "Message {MessageId} on {Entity} dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string entity, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Message {MessageId} on {Entity} completed")]
    public static partial void Completed(ILogger logger, string messageId, string entity);

    [LoggerMessage(10, LogLevel.Debug, "Message {MessageId} on {Entity} abandoned (delivery count {DeliveryCount})")]
    public static partial void Abandoned(ILogger logger, string messageId, string entity, int deliveryCount);

    [LoggerMessage(11, LogLevel.Information, "Lock on message {MessageId} on {Entity} expired (delivery count {DeliveryCount})")]
    public static partial void LockExpired(ILogger logger, string messageId, string entity, int deliveryCount);

    [LoggerMessage(12, LogLevel.Information, "Message {MessageId} on {Entity} expired (time to live)")]
    public static partial void MessageExpired(ILogger logger, string messageId, string entity);

    [LoggerMessage(20, LogLevel.Warning, "Refused link to '{Address}': {Reason}")]
    public static partial void LinkRefused(ILogger logger, string address, string reason);

    [LoggerMessage(21, LogLevel.Warning, "Rejected a message sent to {Entity}: {Reason}")]
    public static partial void MessageRejected(ILogger logger, string entity, string reason);

    [LoggerMessage(22, LogLevel.Debug, "Connection from {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string remote, string reason);

    [LoggerMessage(23, LogLevel.Warning, "Unexpected error in {Operation}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string operation);

    [LoggerMessage(24, LogLevel.Debug, "Management request {Operation} on {Entity} answered {StatusCode}")]
    public static partial void ManagementRequest(ILogger logger, string operation, string entity, int statusCode);

    [LoggerMessage(25, LogLevel.Information, "Subscription {Subscription} created on topic {Topic}")]
    public static partial void SubscriptionCreated(ILogger logger, string topic, string subscription);

    [LoggerMessage(26, LogLevel.Information, "Subscription {Subscription} deleted from topic {Topic}; its messages are dropped")]
    public static partial void SubscriptionDeleted(ILogger logger, string topic, string subscription);

    [LoggerMessage(27, LogLevel.Debug, "Management HTTP {Method} {Path} answered {StatusCode}")]
    public static partial void ManagementHttp(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(28, LogLevel.Information, "Service Bus stand-in management endpoint (ServiceBusAdministrationClient) serves HTTP on port {Port}")]
    public static partial void ManagementStarted(ILogger logger, int port);
}
