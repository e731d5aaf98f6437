using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// An entity messages are received from: a queue, a subscription or a dead-letter queue. Holds the
/// messages, their locks and the receivers waiting with credit. Every member must be called inside
/// <see cref="BrokerGate.Run{T}"/>.
/// </summary>
sealed class MessageQueue
{
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
    public const string TimeToLiveExpired = "TTLExpiredException";

    readonly BrokerContext broker;
    readonly SortedDictionary<long, BrokeredMessage> messages = [];
    readonly SortedSet<long> available = [];
    readonly Dictionary<Guid, BrokeredMessage> locked = [];
    readonly List<IMessageConsumer> consumers = [];
    int nextConsumer;

    public MessageQueue(BrokerContext broker, string path, ReceiveSettings settings, MessageQueue? deadLetterQueue)
    {
        this.broker = broker;
        Path = path;
        Settings = settings;
        DeadLetterQueue = deadLetterQueue;
    }

    public string Path { get; }

    public ReceiveSettings Settings { get; }

    /// <summary>Null for a dead-letter queue itself: Service Bus never dead-letters from there.</summary>
    public MessageQueue? DeadLetterQueue { get; }

    public int Count => messages.Count;

    public void Enqueue(BrokeredMessage message)
    {
        message.State = MessageState.Active;
        messages[message.SequenceNumber] = message;
        available.Add(message.SequenceNumber);
        Dispatch();
    }

    public void AddConsumer(IMessageConsumer consumer) => consumers.Add(consumer);

    public void RemoveConsumer(IMessageConsumer consumer) => consumers.Remove(consumer);

    public void AddCredit(IMessageConsumer consumer, int credit, bool drain)
    {
        consumer.Credit += credit;
        Dispatch();
        if (drain)
        {
            consumer.Credit = 0;
        }
    }

    public SettleResult Complete(Guid lockToken)
    {
        if (!TryTakeLocked(lockToken, out BrokeredMessage? message))
        {
            return SettleResult.LockLost;
        }

        messages.Remove(message.SequenceNumber);
        broker.After(log => BrokerLog.Completed(log, message.LogId, Path));
        return SettleResult.Settled;
    }

    public SettleResult Abandon(Guid lockToken, IReadOnlyDictionary<string, object?> propertyChanges)
    {
        if (!TryTakeLocked(lockToken, out BrokeredMessage? message))
        {
            return SettleResult.LockLost;
        }

        Apply(message, propertyChanges);
        broker.After(log => BrokerLog.Abandoned(log, message.LogId, Path, message.DeliveryCount));
        ReturnOrDeadLetter(message);
        Dispatch();
        return SettleResult.Settled;
    }

    public SettleResult DeadLetter(Guid lockToken, string? reason, string? description, IReadOnlyDictionary<string, object?> propertyChanges)
    {
        if (!TryTakeLocked(lockToken, out BrokeredMessage? message))
        {
            return SettleResult.LockLost;
        }

        Apply(message, propertyChanges);
        MoveToDeadLetterQueue(message, reason, description);
        return SettleResult.Settled;
    }

    public SettleResult Defer(Guid lockToken, IReadOnlyDictionary<string, object?> propertyChanges)
    {
        if (!TryTakeLocked(lockToken, out BrokeredMessage? message))
        {
            return SettleResult.LockLost;
        }

        Apply(message, propertyChanges);
        message.State = MessageState.Deferred;
        return SettleResult.Settled;
    }

    /// <summary>Extends a lock by the lock duration; null when the lock is lost.</summary>
    public DateTimeOffset? RenewLock(Guid lockToken)
    {
        if (!locked.TryGetValue(lockToken, out BrokeredMessage? message) || message.Lock is not MessageLock held)
        {
            return null;
        }

        held.LockedUntil = broker.Now + Settings.LockDuration;
        held.Expiry.Change(Settings.LockDuration, Timeout.InfiniteTimeSpan);
        return held.LockedUntil;
    }

    /// <summary>Messages from a sequence number on, in order, as peek sees them (locked ones included).</summary>
    public IEnumerable<BrokeredMessage> PeekFrom(long fromSequenceNumber)
    {
        RemoveExpired();
        return messages.Where(m => m.Key >= fromSequenceNumber).Select(m => m.Value);
    }

    /// <summary>Deferred messages by sequence number, locked for the caller (receive-by-sequence-number).</summary>
    public List<OutgoingDelivery> ReceiveDeferred(IEnumerable<long> sequenceNumbers, bool settleOnReceive)
    {
        var deliveries = new List<OutgoingDelivery>();
        foreach (long sequenceNumber in sequenceNumbers)
        {
            if (messages.TryGetValue(sequenceNumber, out BrokeredMessage? message) && message.State == MessageState.Deferred)
            {
                deliveries.Add(HandOut(message, settleOnReceive));
            }
        }

        return deliveries;
    }

    /// <summary>Hands available messages to receivers with credit, round robin.</summary>
    public void Dispatch()
    {
        while (available.Count > 0)
        {
            IMessageConsumer? consumer = NextConsumerWithCredit();
            if (consumer is null)
            {
                return;
            }

            long sequenceNumber = available.Min;
            available.Remove(sequenceNumber);
            BrokeredMessage message = messages[sequenceNumber];
            if (message.IsExpired(broker.Now))
            {
                Expire(message);
                continue;
            }

            consumer.Credit--;
            OutgoingDelivery delivery = HandOut(message, consumer.SettlesOnSend);
            broker.Gate.AfterUnlock(() => consumer.Send(delivery));
        }
    }

    OutgoingDelivery HandOut(BrokeredMessage message, bool settleOnSend)
    {
        message.DeliveryCount++;
        if (settleOnSend)
        {
            messages.Remove(message.SequenceNumber);
            return new OutgoingDelivery(message, null, null, message.DeliveryCount);
        }

        var token = Guid.NewGuid();
        ITimer expiry = broker.Time.CreateTimer(_ => broker.Gate.Run(() => OnLockExpired(token)), null, Settings.LockDuration, Timeout.InfiniteTimeSpan);
        message.Lock = new MessageLock(token, broker.Now + Settings.LockDuration, expiry);
        locked[token] = message;
        return new OutgoingDelivery(message, token, message.Lock.LockedUntil, message.DeliveryCount);
    }

    IMessageConsumer? NextConsumerWithCredit()
    {
        for (int i = 0; i < consumers.Count; i++)
        {
            IMessageConsumer candidate = consumers[(nextConsumer + i) % consumers.Count];
            if (candidate.Credit > 0)
            {
                nextConsumer = (nextConsumer + i + 1) % consumers.Count;
                return candidate;
            }
        }

        return null;
    }

    void OnLockExpired(Guid token)
    {
        if (!TryTakeLocked(token, out BrokeredMessage? message))
        {
            return;
        }

        broker.After(log => BrokerLog.LockExpired(log, message.LogId, Path, message.DeliveryCount));
        ReturnOrDeadLetter(message);
        Dispatch();
    }

    bool TryTakeLocked(Guid token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BrokeredMessage? message)
    {
        if (!locked.Remove(token, out message))
        {
            return false;
        }

        message.Lock?.Expiry.Dispose();
        message.Lock = null;
        return true;
    }

    /// <summary>After an abandon or an expired lock: back in line, or to the dead-letter queue when out of deliveries.</summary>
    void ReturnOrDeadLetter(BrokeredMessage message)
    {
        if (DeadLetterQueue is not null && message.DeliveryCount >= Settings.MaxDeliveryCount)
        {
            MoveToDeadLetterQueue(
                message,
                MaxDeliveryCountExceeded,
                $"Message could not be consumed after {Settings.MaxDeliveryCount} delivery attempts.");
            return;
        }

        available.Add(message.SequenceNumber);
    }

    void MoveToDeadLetterQueue(BrokeredMessage message, string? reason, string? description)
    {
        messages.Remove(message.SequenceNumber);
        if (DeadLetterQueue is null)
        {
            return;
        }

        BrokeredMessage deadLetter = message.CopyForEntity(neverExpires: true);
        foreach ((string key, object? value) in message.PropertyChanges)
        {
            deadLetter.PropertyChanges[key] = value;
        }

        if (reason is not null)
        {
            deadLetter.PropertyChanges["DeadLetterReason"] = reason;
        }

        if (description is not null)
        {
            deadLetter.PropertyChanges["DeadLetterErrorDescription"] = description;
        }

        broker.After(log => BrokerLog.DeadLettered(log, message.LogId, Path, reason ?? "(no reason)"));
        DeadLetterQueue.Enqueue(deadLetter);
        BrokerMetrics.RecordDeadLettered(Path, reason);
    }

    void RemoveExpired()
    {
        DateTimeOffset now = broker.Now;
        foreach (BrokeredMessage message in messages.Values.Where(m => m.Lock is null && m.IsExpired(now)).ToList())
        {
            available.Remove(message.SequenceNumber);
            Expire(message);
        }
    }

    void Expire(BrokeredMessage message)
    {
        if (Settings.DeadLetterOnExpiration && DeadLetterQueue is not null)
        {
            MoveToDeadLetterQueue(message, TimeToLiveExpired, "The message expired and was dead lettered.");
            return;
        }

        messages.Remove(message.SequenceNumber);
        broker.After(log => BrokerLog.MessageExpired(log, message.LogId, Path));
    }

    static void Apply(BrokeredMessage message, IReadOnlyDictionary<string, object?> propertyChanges)
    {
        foreach ((string key, object? value) in propertyChanges)
        {
            message.PropertyChanges[key] = value;
        }
    }
}
