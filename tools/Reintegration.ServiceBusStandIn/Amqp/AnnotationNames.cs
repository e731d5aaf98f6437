using Microsoft.Azure.Amqp.Encoding;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>Message annotations Service Bus adds or reads (the SDK reads them into ServiceBusReceivedMessage).</summary>
static class AnnotationNames
{
    public static readonly AmqpSymbol SequenceNumber = "x-opt-sequence-number";
    public static readonly AmqpSymbol EnqueuedTime = "x-opt-enqueued-time";
    public static readonly AmqpSymbol LockedUntil = "x-opt-locked-until";
    public static readonly AmqpSymbol ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time";
    public static readonly AmqpSymbol DeadLetterSource = "x-opt-deadletter-source";
    public static readonly AmqpSymbol MessageState = "x-opt-message-state";
}
