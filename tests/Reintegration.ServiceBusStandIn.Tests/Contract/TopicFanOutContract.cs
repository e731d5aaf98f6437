using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class TopicFanOutContract(ContractTarget target) : ContractTests(target)
{
    const string Topic = "contract-fanout";
    static readonly string[] Subscriptions = ["partner-gh-001", "partner-gh-002", "caseworkers-org-7", "listed-or-urgent", "everything"];

    [Fact]
    public async Task Each_subscription_gets_exactly_the_messages_its_filter_matches()
    {
        foreach (string subscription in Subscriptions)
        {
            await PurgeAsync(Topic, subscription);
        }

        await using ServiceBusSender sender = Client.CreateSender(Topic);
        var forPartner1InOrg7 = Message("p1-org7", ("partnerId", "gh-001"), ("organisationId", "org-7"));
        var forPartner2 = Message("p2", ("partnerId", "gh-002"));
        var forListedPartner = Message("p3", ("partnerId", "gh-003"));
        var urgentInOrg9 = Message("urgent-org9", ("priority", "high"), ("organisationId", "org-9"));
        var urgentInOrg1 = Message("urgent-org1", ("priority", "high"), ("organisationId", "org-1"));
        ServiceBusMessage[] all = [forPartner1InOrg7, forPartner2, forListedPartner, urgentInOrg9, urgentInOrg1];
        await sender.SendMessagesAsync(all, Cancelled);

        await AssertSubscriptionGetsAsync("partner-gh-001", forPartner1InOrg7);
        await AssertSubscriptionGetsAsync("partner-gh-002", forPartner2);
        await AssertSubscriptionGetsAsync("caseworkers-org-7", forPartner1InOrg7);
        await AssertSubscriptionGetsAsync("listed-or-urgent", forListedPartner, urgentInOrg9);
        await AssertSubscriptionGetsAsync("everything", all);
    }

    [Fact]
    public async Task A_duplicate_sent_to_the_topic_reaches_no_subscription_twice()
    {
        await PurgeAsync(Topic, "partner-gh-001");
        await PurgeAsync(Topic, "everything");
        await using ServiceBusSender sender = Client.CreateSender(Topic);
        ServiceBusMessage original = Message("dup", ("partnerId", "gh-001"));

        await sender.SendMessageAsync(original, Cancelled);
        await sender.SendMessageAsync(WithId(Message("dup-again", ("partnerId", "gh-001")), original.MessageId), Cancelled);

        await AssertSubscriptionGetsAsync("partner-gh-001", original);
        await AssertSubscriptionGetsAsync("everything", original);
    }

    [Fact]
    public async Task The_partner_notifications_topic_routes_by_partner_and_by_organisation()
    {
        const string PartnerTopic = "partner-notifications";
        await PurgeAsync(PartnerTopic, "partner-gh-001");
        await PurgeAsync(PartnerTopic, "caseworkers-org-7");
        await using ServiceBusSender sender = Client.CreateSender(PartnerTopic);
        ServiceBusMessage toPartner = Message("partner", ("partnerId", "gh-001"));
        ServiceBusMessage escalation = Message("escalation", ("organisationId", "org-7"));
        ServiceBusMessage elsewhere = Message("elsewhere", ("partnerId", "gh-999"), ("organisationId", "org-1"));

        await sender.SendMessagesAsync([toPartner, escalation, elsewhere], Cancelled);

        await AssertSubscriptionGetsAsync("partner-gh-001", toPartner, topic: PartnerTopic);
        await AssertSubscriptionGetsAsync("caseworkers-org-7", escalation, topic: PartnerTopic);
    }

    Task AssertSubscriptionGetsAsync(string subscription, params ServiceBusMessage[] expected) =>
        AssertSubscriptionGetsAsync(subscription, expected, Topic);

    Task AssertSubscriptionGetsAsync(string subscription, ServiceBusMessage expected, string topic) =>
        AssertSubscriptionGetsAsync(subscription, [expected], topic);

    async Task AssertSubscriptionGetsAsync(string subscription, ServiceBusMessage[] expected, string topic)
    {
        await using ServiceBusReceiver receiver = Client.CreateReceiver(topic, subscription);
        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, expected.Length, TimeSpan.FromSeconds(10));
        received.AddRange(await receiver.ReceiveMessagesAsync(10, TimeSpan.FromMilliseconds(300), Cancelled));

        Assert.Equal(expected.Select(m => m.MessageId), received.Select(m => m.MessageId));
        await Task.WhenAll(received.Select(m => receiver.CompleteMessageAsync(m, Cancelled)));
    }

    static ServiceBusMessage Message(string name, params (string Key, string Value)[] properties)
    {
        var message = new ServiceBusMessage($"notification {name}") { MessageId = NewId(name) };
        foreach ((string key, string value) in properties)
        {
            message.ApplicationProperties[key] = value;
        }

        return message;
    }

    static ServiceBusMessage WithId(ServiceBusMessage message, string id)
    {
        message.MessageId = id;
        return message;
    }
}

public sealed class TopicFanOutOnStandIn(StandInFixture standIn) : TopicFanOutContract(standIn.Target);

public sealed class TopicFanOutOnExternalNamespace() : TopicFanOutContract(ContractTarget.External);
