using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// Builds the bytes of a message as Service Bus hands it out: a fresh header and message annotations
/// (sequence number, enqueued time, lock), then the client's own sections unchanged.
/// </summary>
static class MessageEncoder
{
    public static byte[] ForReceiver(OutgoingDelivery delivery) =>
        Encode(delivery.Message, delivery.LockedUntil, headerDeliveryCount: delivery.DeliveryCount - 1);

    /// <summary>Peeked messages report the delivery count as it is (the SDK adds one only for received messages).</summary>
    public static byte[] ForPeek(BrokeredMessage message) =>
        Encode(message, lockedUntil: null, headerDeliveryCount: message.DeliveryCount);

    static byte[] Encode(BrokeredMessage message, DateTimeOffset? lockedUntil, int headerDeliveryCount)
    {
        EncodedMessage content = message.Content;
        var header = new Header
        {
            Durable = content.Header.Durable,
            Priority = content.Header.Priority,
            FirstAcquirer = content.Header.FirstAcquirer,
            DeliveryCount = (uint)Math.Max(0, headerDeliveryCount),
            Ttl = message.TimeToLive.TotalMilliseconds < uint.MaxValue ? (uint)message.TimeToLive.TotalMilliseconds : null,
        };

        var annotations = new MessageAnnotations();
        foreach (var pair in content.MessageAnnotations.Map)
        {
            annotations.Map[pair.Key] = pair.Value;
        }

        annotations.Map[AnnotationNames.SequenceNumber] = message.SequenceNumber;
        annotations.Map[AnnotationNames.EnqueuedTime] = message.EnqueuedTime.UtcDateTime;
        if (lockedUntil is DateTimeOffset until)
        {
            annotations.Map[AnnotationNames.LockedUntil] = until.UtcDateTime;
        }

        if (message.State != MessageState.Active)
        {
            annotations.Map[AnnotationNames.MessageState] = (int)message.State;
        }

        using var output = new MemoryStream(content.Size + 128);
        Write(output, header);
        Write(output, annotations);
        output.Write(content.PropertiesSection.Span);
        if (message.PropertyChanges.Count == 0)
        {
            output.Write(content.ApplicationPropertiesSection.Span);
        }
        else
        {
            Write(output, WithChanges(content.ApplicationProperties, message.PropertyChanges));
        }

        output.Write(content.BodyAndFooter.Span);
        return output.ToArray();
    }

    static ApplicationProperties WithChanges(ApplicationProperties original, IReadOnlyDictionary<string, object?> changes)
    {
        var merged = new ApplicationProperties();
        foreach (var pair in original.Map)
        {
            merged.Map[pair.Key] = pair.Value;
        }

        foreach ((string key, object? value) in changes)
        {
            merged.Map[key] = value;
        }

        return merged;
    }

    static void Write(MemoryStream output, AmqpDescribed section)
    {
        using var buffer = new ByteBuffer(section.EncodeSize, autoGrow: true);
        section.Encode(buffer);
        output.Write(buffer.Buffer, buffer.Offset, buffer.Length);
    }
}
