using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// One message as a client encoded it. The properties, application properties and body are kept as
/// the client's bytes and forwarded unchanged; header and message annotations are decoded because
/// the broker rewrites them on every delivery.
/// </summary>
sealed class EncodedMessage
{
    readonly byte[] payload;

    EncodedMessage(byte[] payload)
    {
        this.payload = payload;
    }

    public Header Header { get; private set; } = new();

    /// <summary>The client's own annotations (partition key, scheduled enqueue time, ...).</summary>
    public MessageAnnotations MessageAnnotations { get; private set; } = new();

    public Properties Properties { get; private set; } = new();

    public ApplicationProperties ApplicationProperties { get; private set; } = new();

    /// <summary>Properties section as the client encoded it (empty when absent).</summary>
    public ReadOnlyMemory<byte> PropertiesSection { get; private set; }

    /// <summary>Application properties section as the client encoded it (empty when absent).</summary>
    public ReadOnlyMemory<byte> ApplicationPropertiesSection { get; private set; }

    /// <summary>Body sections and footer as the client encoded them.</summary>
    public ReadOnlyMemory<byte> BodyAndFooter { get; private set; }

    public int Size => payload.Length;

    public string? MessageId => Properties.MessageId?.ToString();

    public DateTime? ScheduledEnqueueTimeUtc =>
        MessageAnnotations.Map.TryGetValue<DateTime>(AnnotationNames.ScheduledEnqueueTime, out DateTime at) ? at : null;

    public TimeSpan? TimeToLive => Header.Ttl is uint ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Parses one encoded message; throws <see cref="InvalidDataException"/> for malformed input.</summary>
    public static EncodedMessage Parse(byte[] payload)
    {
        var message = new EncodedMessage(payload);
        int bodyStart = -1;
        foreach (MessageSection section in MessageSections.Split(payload))
        {
            switch (section.Code)
            {
                case SectionCode.Header:
                    message.Header = Decode(new Header(), payload, section);
                    break;
                case SectionCode.DeliveryAnnotations:
                    break; // Addressed to the broker only; not forwarded.
                case SectionCode.MessageAnnotations:
                    message.MessageAnnotations = Decode(new MessageAnnotations(), payload, section);
                    break;
                case SectionCode.Properties:
                    message.Properties = Decode(new Properties(), payload, section);
                    message.PropertiesSection = payload.AsMemory(section.Start, section.Length);
                    break;
                case SectionCode.ApplicationProperties:
                    message.ApplicationProperties = Decode(new ApplicationProperties(), payload, section);
                    message.ApplicationPropertiesSection = payload.AsMemory(section.Start, section.Length);
                    break;
                default:
                    if (bodyStart < 0)
                    {
                        bodyStart = section.Start;
                    }

                    break;
            }
        }

        message.BodyAndFooter = bodyStart < 0 ? ReadOnlyMemory<byte>.Empty : payload.AsMemory(bodyStart);
        message.FilterView = Guarded(message.BuildFilterView, "application properties");
        Guarded(() => message.MessageAnnotations.Map.Count(), "message annotations");
        return message;
    }

    /// <summary>What subscription rules see of this message.</summary>
    public FilterContext FilterView { get; private set; } = new();

    // Built while parsing: maps decode lazily, and a malformed one must fail here, not during routing.
    FilterContext BuildFilterView() => new()
    {
        MessageId = MessageId,
        CorrelationId = Properties.CorrelationId?.ToString(),
        Subject = Properties.Subject,
        To = Properties.To?.ToString(),
        ReplyTo = Properties.ReplyTo?.ToString(),
        ReplyToSessionId = Properties.ReplyToGroupId,
        SessionId = Properties.GroupId,
        ContentType = Properties.ContentType.Value,
        ApplicationProperties = ApplicationProperties.Map.ToDictionary<KeyValuePair<MapKey, object>, string, object?>(p => p.Key.Key.ToString() ?? "", p => p.Value),
    };

    static T Guarded<T>(Func<T> decode, string what)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"The {what} cannot be decoded: {e.Message}", e);
        }
    }

    static T Decode<T>(T section, byte[] payload, MessageSection where) where T : AmqpDescribed
    {
        try
        {
            section.Decode(new ByteBuffer(payload, where.Start, where.Length));
            return section;
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"The {where.Code} section cannot be decoded: {e.Message}", e);
        }
    }
}
