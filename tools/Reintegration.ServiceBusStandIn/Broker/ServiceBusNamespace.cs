using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// What a link address points at. Queues send and receive; topics only take messages; subscriptions
/// and dead-letter queues are only received from.
/// </summary>
sealed record EntityEndpoint(string Path, SendTarget? SendTarget, MessageQueue? Receiver);

/// <summary>All entities of the stand-in, found by the addresses the SDK uses.</summary>
sealed class ServiceBusNamespace
{
    const string SubscriptionsSegment = "Subscriptions";
    const string DeadLetterSegment = "$DeadLetterQueue";

    readonly Dictionary<string, QueueEntity> queues;
    readonly Dictionary<string, TopicEntity> topics;

    public ServiceBusNamespace(BrokerContext broker, NamespaceDefinition definition)
    {
        Broker = broker;
        queues = definition.Queues.ToDictionary(q => q.Name, q => new QueueEntity(broker, q), StringComparer.OrdinalIgnoreCase);
        topics = definition.Topics.ToDictionary(t => t.Name, t => new TopicEntity(broker, t), StringComparer.OrdinalIgnoreCase);
    }

    public BrokerContext Broker { get; }

    public int QueueCount => queues.Count;

    public int TopicCount => topics.Count;

    /// <summary>
    /// Accepts "name", "/name", "sb://host/name", "topic/Subscriptions/sub" and either with "/$DeadLetterQueue".
    /// </summary>
    public EntityEndpoint? Resolve(string address)
    {
        string[] segments = EntityPath(address).Split('/');
        bool deadLetter = segments.Length > 1 && segments[^1].Equals(DeadLetterSegment, StringComparison.OrdinalIgnoreCase);
        if (deadLetter)
        {
            segments = segments[..^1];
        }

        if (segments.Length == 1 && queues.TryGetValue(segments[0], out QueueEntity? queue))
        {
            return deadLetter
                ? new EntityEndpoint(queue.Messages.DeadLetterQueue!.Path, null, queue.Messages.DeadLetterQueue)
                : new EntityEndpoint(queue.Name, queue, queue.Messages);
        }

        if (segments.Length == 1 && !deadLetter && topics.TryGetValue(segments[0], out TopicEntity? topic))
        {
            return new EntityEndpoint(topic.Name, topic, null);
        }

        if (segments.Length == 3
            && segments[1].Equals(SubscriptionsSegment, StringComparison.OrdinalIgnoreCase)
            && topics.TryGetValue(segments[0], out TopicEntity? parent)
            && parent.Subscriptions.TryGetValue(segments[2], out Subscription? subscription))
        {
            MessageQueue receiver = deadLetter ? subscription.Messages.DeadLetterQueue! : subscription.Messages;
            return new EntityEndpoint(receiver.Path, null, receiver);
        }

        return null;
    }

    /// <summary>A topic by name (case-insensitive), for the management endpoint.</summary>
    public TopicEntity? FindTopic(string name) => topics.GetValueOrDefault(name);

    /// <summary>The entity path of an address, without scheme, host and surrounding slashes.</summary>
    public static string EntityPath(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && uri.Scheme is "sb" or "amqp" or "amqps")
        {
            address = uri.AbsolutePath;
        }

        return address.Trim('/');
    }
}
