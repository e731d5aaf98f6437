using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// A link a client receives on (a ServiceBusReceiver or processor). The delivery tag of each message is
/// its lock token in .NET Guid byte order, which is how the SDK reads ServiceBusReceivedMessage.LockToken.
/// </summary>
sealed class OutgoingMessageLink : IMessageConsumer
{
    const string DeadLetterReason = "DeadLetterReason";
    const string DeadLetterDescription = "DeadLetterErrorDescription";

    readonly SendingAmqpLink link;
    readonly MessageQueue queue;
    readonly BrokerContext broker;
    readonly ILogger logger;

    OutgoingMessageLink(SendingAmqpLink link, MessageQueue queue, BrokerContext broker, ILogger logger)
    {
        this.link = link;
        this.queue = queue;
        this.broker = broker;
        this.logger = logger;
    }

    public bool SettlesOnSend => link.Settings.SettleType == SettleMode.SettleOnSend;

    public int Credit { get; set; }

    public static void Serve(SendingAmqpLink link, MessageQueue queue, BrokerContext broker, ILogger logger)
    {
        var consumer = new OutgoingMessageLink(link, queue, broker, logger);
        broker.Gate.Run(() => queue.AddConsumer(consumer));
        link.Closed += (_, _) => broker.Gate.Run(() => queue.RemoveConsumer(consumer));
        link.RegisterCreditListener((credit, drain, _) => consumer.Guard("adding credit", () => broker.Gate.Run(() => queue.AddCredit(consumer, (int)credit, drain))));
        link.RegisterDispositionListener(delivery => consumer.Guard("settling a message", () => consumer.OnDisposition(delivery)));
    }

    public void Send(OutgoingDelivery delivery) => Guard("sending a message", () =>
    {
        byte[] bytes = MessageEncoder.ForReceiver(delivery);
        AmqpMessage message = AmqpMessage.CreateOutputMessage(new BufferListStream([new ArraySegment<byte>(bytes)]), true);
        Guid tag = delivery.LockToken ?? Guid.NewGuid();
        link.SendMessageNoWait(message, new ArraySegment<byte>(tag.ToByteArray()), AmqpConstants.NullBinary);
    });

    void OnDisposition(Delivery delivery)
    {
        if (SettlesOnSend)
        {
            return; // ReceiveAndDelete: the library reports its own pre-settled sends here.
        }

        var lockToken = new Guid(delivery.DeliveryTag.AsSpan());
        SettleResult result = broker.Gate.Run(() => Settle(lockToken, delivery.State));
        if (!delivery.Settled)
        {
            DeliveryState answer = result == SettleResult.Settled
                ? AmqpConstants.AcceptedOutcome
                : new Rejected { Error = new Error { Condition = ErrorConditions.MessageLockLost, Description = ErrorTexts.LockLost } };
            link.DisposeDelivery(delivery, true, answer);
        }
    }

    /// <summary>
    /// Complete is Accepted; abandon is Modified; defer is Modified with undeliverable-here; dead-letter
    /// arrives as Rejected with the reason in the error info, and is answered as Accepted.
    /// </summary>
    SettleResult Settle(Guid lockToken, DeliveryState? state) => state switch
    {
        Accepted => queue.Complete(lockToken),
        Rejected rejected => queue.DeadLetter(
            lockToken,
            PropertyChanges.Text(rejected.Error?.Info, DeadLetterReason),
            PropertyChanges.Text(rejected.Error?.Info, DeadLetterDescription),
            PropertyChanges.From(rejected.Error?.Info, DeadLetterReason, DeadLetterDescription)),
        Modified { UndeliverableHere: true } modified => queue.Defer(lockToken, PropertyChanges.From(modified.MessageAnnotations)),
        Modified modified => queue.Abandon(lockToken, PropertyChanges.From(modified.MessageAnnotations)),
        Released => queue.Abandon(lockToken, PropertyChanges.None),
        _ => SettleResult.Settled, // Received (a progress report) changes nothing.
    };

    void Guard(string operation, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!link.IsClosing())
            {
                BrokerLog.UnexpectedError(logger, e, operation);
            }
        }
    }
}
