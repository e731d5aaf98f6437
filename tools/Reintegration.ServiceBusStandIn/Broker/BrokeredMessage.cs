using Reintegration.ServiceBusStandIn.Amqp;

namespace Reintegration.ServiceBusStandIn.Broker;

enum MessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
}

/// <summary>A message held by one entity (a queue, a subscription or a dead-letter queue) and its broker state.</summary>
sealed class BrokeredMessage(EncodedMessage content, long sequenceNumber, DateTimeOffset enqueuedTime, TimeSpan timeToLive)
{
    public EncodedMessage Content { get; } = content;

    public long SequenceNumber { get; } = sequenceNumber;

    public DateTimeOffset EnqueuedTime { get; set; } = enqueuedTime;

    /// <summary>The effective time to live: the message's own, capped by the entity's default.</summary>
    public TimeSpan TimeToLive { get; } = timeToLive;

    public DateTimeOffset ExpiresAt =>
        NeverExpires || TimeToLive >= DateTimeOffset.MaxValue - EnqueuedTime ? DateTimeOffset.MaxValue : EnqueuedTime + TimeToLive;

    /// <summary>Messages in a dead-letter queue stay until they are received.</summary>
    public bool NeverExpires { get; init; }

    public MessageState State { get; set; }

    /// <summary>How often the message was handed out (the SDK's DeliveryCount).</summary>
    public int DeliveryCount { get; set; }

    public MessageLock? Lock { get; set; }

    /// <summary>Application properties added or changed by the broker (dead-letter reason, abandon changes).</summary>
    public Dictionary<string, object?> PropertyChanges { get; } = [];

    /// <summary>For logs: message ids only, never bodies.</summary>
    public string LogId => Content.MessageId ?? $"#{SequenceNumber}";

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>A copy for another entity (a subscription on fan-out, or a dead-letter queue).</summary>
    public BrokeredMessage CopyForEntity(bool neverExpires = false) => new(Content, SequenceNumber, EnqueuedTime, TimeToLive)
    {
        DeliveryCount = DeliveryCount,
        NeverExpires = neverExpires,
    };

    public static TimeSpan EffectiveTimeToLive(EncodedMessage content, TimeSpan entityDefault) =>
        content.TimeToLive is TimeSpan own && own < entityDefault ? own : entityDefault;
}

/// <summary>The lock a PeekLock receiver holds on a message.</summary>
sealed class MessageLock(Guid token, DateTimeOffset lockedUntil, ITimer expiry)
{
    public Guid Token { get; } = token;

    public DateTimeOffset LockedUntil { get; set; } = lockedUntil;

    public ITimer Expiry { get; } = expiry;
}
