using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>A queue: what is sent to it is received from it.</summary>
sealed class QueueEntity : SendTarget
{
    public QueueEntity(BrokerContext broker, QueueDefinition definition)
        : base(broker, definition.Name, definition.Receive.DefaultTimeToLive, definition.DuplicateDetectionWindow)
    {
        var deadLetters = new MessageQueue(broker, $"{definition.Name}/$DeadLetterQueue", DeadLetterSettings(definition.Receive), null);
        Messages = new MessageQueue(broker, definition.Name, definition.Receive, deadLetters);
    }

    public MessageQueue Messages { get; }

    protected override void Publish(BrokeredMessage message)
    {
        Broker.After(log => BrokerLog.EnqueuedToQueue(log, message.LogId, Name));
        Messages.Enqueue(message);
    }

    /// <summary>A dead-letter queue keeps its parent's lock duration; its messages never expire or move on.</summary>
    public static ReceiveSettings DeadLetterSettings(ReceiveSettings parent) =>
        new(parent.LockDuration, int.MaxValue, TimeSpan.MaxValue, DeadLetterOnExpiration: false);
}
