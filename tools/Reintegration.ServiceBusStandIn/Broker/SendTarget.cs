using Reintegration.ServiceBusStandIn.Amqp;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// An entity clients send to (a queue or a topic): assigns sequence numbers, drops duplicates,
/// holds scheduled messages until their time. Members must be called inside the broker gate.
/// </summary>
abstract class SendTarget(BrokerContext broker, string name, TimeSpan defaultTimeToLive, TimeSpan? duplicateDetectionWindow)
{
    readonly DuplicateDetector? duplicates = duplicateDetectionWindow is TimeSpan window ? new DuplicateDetector(window) : null;
    readonly SortedDictionary<long, (BrokeredMessage Message, ITimer Timer)> scheduled = [];
    long lastSequenceNumber;

    protected BrokerContext Broker { get; } = broker;

    public string Name { get; } = name;

    public TimeSpan DefaultTimeToLive { get; } = defaultTimeToLive;

    /// <summary>Null when the entity does not detect duplicates.</summary>
    public TimeSpan? DuplicateDetectionWindow { get; } = duplicateDetectionWindow;

    /// <summary>A message sent over a link: enqueued now, or held if it carries a future scheduled enqueue time.</summary>
    public void Accept(EncodedMessage content)
    {
        DateTimeOffset now = Broker.Now;
        if (duplicates?.IsDuplicate(content.MessageId, now) == true)
        {
            Broker.After(log => BrokerLog.DuplicateDropped(log, content.MessageId ?? "", Name));
            return;
        }

        if (content.ScheduledEnqueueTimeUtc is DateTime at && new DateTimeOffset(at, TimeSpan.Zero) > now)
        {
            Schedule(content, new DateTimeOffset(at, TimeSpan.Zero));
            return;
        }

        Publish(NewMessage(content, now));
    }

    /// <summary>The schedule-message management operation; returns the sequence number.</summary>
    public long Schedule(EncodedMessage content, DateTimeOffset enqueueAt)
    {
        BrokeredMessage message = NewMessage(content, Broker.Now);
        message.State = MessageState.Scheduled;
        long sequenceNumber = message.SequenceNumber;
        TimeSpan due = enqueueAt - Broker.Now;
        ITimer timer = Broker.Time.CreateTimer(
            _ => Broker.Gate.Run(() => Activate(sequenceNumber)),
            null,
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
        scheduled[sequenceNumber] = (message, timer);
        Broker.After(log => BrokerLog.Scheduled(log, message.LogId, Name, enqueueAt, sequenceNumber));
        return sequenceNumber;
    }

    /// <summary>Cancelling an unknown or already enqueued message is not an error in Service Bus.</summary>
    public void CancelScheduled(long sequenceNumber)
    {
        if (scheduled.Remove(sequenceNumber, out var entry))
        {
            entry.Timer.Dispose();
            Broker.After(log => BrokerLog.ScheduleCancelled(log, sequenceNumber, Name));
        }
    }

    /// <summary>Scheduled messages from a sequence number on, for peek.</summary>
    public IEnumerable<BrokeredMessage> ScheduledFrom(long fromSequenceNumber) =>
        scheduled.Where(s => s.Key >= fromSequenceNumber).Select(s => s.Value.Message);

    /// <summary>Puts a message that is due into the entity (a queue, or every matching subscription).</summary>
    protected abstract void Publish(BrokeredMessage message);

    void Activate(long sequenceNumber)
    {
        if (scheduled.Remove(sequenceNumber, out var entry))
        {
            entry.Timer.Dispose();
            entry.Message.EnqueuedTime = Broker.Now;
            Publish(entry.Message);
        }
    }

    BrokeredMessage NewMessage(EncodedMessage content, DateTimeOffset now) =>
        new(content, ++lastSequenceNumber, now, BrokeredMessage.EffectiveTimeToLive(content, DefaultTimeToLive));
}
