using System.Xml;
using System.Xml.Linq;
using Reintegration.ServiceBusStandIn.Broker;
using Reintegration.ServiceBusStandIn.Configuration;
using static Reintegration.ServiceBusStandIn.Management.AtomXml;

namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>A SubscriptionDescription read from a create request and written in answers.</summary>
static class SubscriptionXml
{
    // Service Bus defaults for a subscription created without them.
    static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(1);
    const int DefaultMaxDeliveryCount = 10;

    /// <summary>The definition of a new subscription of <paramref name="topic"/>; 400 for what the stand-in does not support.</summary>
    public static SubscriptionDefinition Read(XElement description, string name, TopicEntity topic)
    {
        string where = $"Subscription '{topic.Name}/{name}'";
        if (Flag(description, "RequiresSession"))
        {
            throw ManagementRequestException.BadRequest($"{where}: sessions are not supported by the Service Bus stand-in (see its README).");
        }

        if (Text(description, "ForwardTo") is not null || Text(description, "ForwardDeadLetteredMessagesTo") is not null)
        {
            throw ManagementRequestException.BadRequest($"{where}: ForwardTo and ForwardDeadLetteredMessagesTo are not supported by the Service Bus stand-in.");
        }

        TimeSpan lockDuration = Duration(description, "LockDuration", DefaultLockDuration, where);
        if (lockDuration < TimeSpan.FromSeconds(1) || lockDuration > TimeSpan.FromMinutes(5))
        {
            throw ManagementRequestException.BadRequest($"{where}: LockDuration must be between 1 second and 5 minutes.");
        }

        int maxDeliveryCount = Text(description, "MaxDeliveryCount") is string count
            ? Parse(() => XmlConvert.ToInt32(count), where, "MaxDeliveryCount")
            : DefaultMaxDeliveryCount;
        if (maxDeliveryCount < 1)
        {
            throw ManagementRequestException.BadRequest($"{where}: MaxDeliveryCount must be at least 1.");
        }

        TimeSpan ttl = Duration(description, "DefaultMessageTimeToLive", TimeSpan.MaxValue, where);
        var receive = new ReceiveSettings(lockDuration, maxDeliveryCount, ttl < topic.DefaultTimeToLive ? ttl : topic.DefaultTimeToLive, Flag(description, "DeadLetteringOnMessageExpiration"));

        // Without a DefaultRuleDescription Service Bus gives the subscription the rule $Default that matches everything.
        SubscriptionRule rule = description.Element(ServiceBus + "DefaultRuleDescription") is XElement defaultRule
            ? RuleXml.Read(defaultRule, RuleXml.DefaultRuleName)
            : new SubscriptionRule(RuleXml.DefaultRuleName, Filtering.TrueFilter.Instance);
        return new SubscriptionDefinition(name, receive, [rule]);
    }

    public static XElement Write(Subscription subscription, DateTimeOffset createdAt) =>
        new(ServiceBus + "SubscriptionDescription",
            new XElement(ServiceBus + "LockDuration", XmlConvert.ToString(subscription.Receive.LockDuration)),
            new XElement(ServiceBus + "RequiresSession", "false"),
            new XElement(ServiceBus + "DefaultMessageTimeToLive", XmlConvert.ToString(subscription.Receive.DefaultTimeToLive)),
            new XElement(ServiceBus + "DeadLetteringOnMessageExpiration", XmlConvert.ToString(subscription.Receive.DeadLetterOnExpiration)),
            new XElement(ServiceBus + "DeadLetteringOnFilterEvaluationExceptions", "true"),
            new XElement(ServiceBus + "MessageCount", subscription.Messages.Count),
            new XElement(ServiceBus + "MaxDeliveryCount", subscription.Receive.MaxDeliveryCount),
            new XElement(ServiceBus + "EnableBatchedOperations", "true"),
            new XElement(ServiceBus + "Status", "Active"),
            new XElement(ServiceBus + "CreatedAt", XmlConvert.ToString(createdAt)),
            new XElement(ServiceBus + "AutoDeleteOnIdle", Forever),
            new XElement(ServiceBus + "EntityAvailabilityStatus", "Available"));

    static string? Text(XElement description, string name) =>
        description.Element(ServiceBus + name)?.Value is { Length: > 0 } value ? value : null;

    static bool Flag(XElement description, string name) =>
        Text(description, name) is string value && Parse(() => XmlConvert.ToBoolean(value), "The subscription", name);

    static TimeSpan Duration(XElement description, string name, TimeSpan fallback, string where) =>
        Text(description, name) is string value ? Parse(() => XmlConvert.ToTimeSpan(value), where, name) : fallback;

    static T Parse<T>(Func<T> parse, string where, string field)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw ManagementRequestException.BadRequest($"{where}: {field} is malformed.");
        }
    }
}
