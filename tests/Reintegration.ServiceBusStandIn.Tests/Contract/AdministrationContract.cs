using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

/// <summary>
/// Subscriptions and rules managed at run time with ServiceBusAdministrationClient, as the app does when
/// an organisation is added: each test uses subscriptions of its own on the topic "contract-admin".
/// </summary>
public abstract class AdministrationContract(ContractTarget target) : ContractTests(target)
{
    const string Topic = "contract-admin";
    ServiceBusAdministrationClient? admin;

    ServiceBusAdministrationClient Admin => admin ??= Target.CreateAdministrationClient();

    [Fact]
    public async Task A_subscription_created_at_run_time_exists_and_receives_what_its_rule_matches()
    {
        string name = NewName("org");
        var options = new CreateSubscriptionOptions(Topic, name) { LockDuration = TimeSpan.FromSeconds(45), MaxDeliveryCount = 7 };
        var rule = new CreateRuleOptions("organisation", new CorrelationRuleFilter { ApplicationProperties = { ["organisationId"] = name } });

        SubscriptionProperties created = await Admin.CreateSubscriptionAsync(options, rule, Cancelled);

        Assert.Equal(name, created.SubscriptionName);
        Assert.True(await Admin.SubscriptionExistsAsync(Topic, name, Cancelled));
        SubscriptionProperties read = await Admin.GetSubscriptionAsync(Topic, name, Cancelled);
        Assert.Equal(TimeSpan.FromSeconds(45), read.LockDuration);
        Assert.Equal(7, read.MaxDeliveryCount);

        await using ServiceBusSender sender = Client.CreateSender(Topic);
        await sender.SendMessagesAsync([Message("for-it", ("organisationId", name)), Message("for-another", ("organisationId", "someone-else"))], Cancelled);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Topic, name, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, 2, TimeSpan.FromSeconds(3));
        Assert.Equal(["for-it"], received.Select(m => m.Body.ToString()));

        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);
    }

    [Fact]
    public async Task Creating_a_subscription_that_exists_fails_with_already_exists()
    {
        string name = NewName("twice");
        await Admin.CreateSubscriptionAsync(Topic, name, Cancelled);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => Admin.CreateSubscriptionAsync(Topic, name.ToUpperInvariant(), Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, error.Reason);
        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);
    }

    [Fact]
    public async Task A_missing_subscription_does_not_exist_and_cannot_be_read_or_deleted()
    {
        string name = NewName("missing");

        Assert.False(await Admin.SubscriptionExistsAsync(Topic, name, Cancelled));
        var read = await Assert.ThrowsAsync<ServiceBusException>(() => Admin.GetSubscriptionAsync(Topic, name, Cancelled));
        var delete = await Assert.ThrowsAsync<ServiceBusException>(() => Admin.DeleteSubscriptionAsync(Topic, name, Cancelled));
        var onMissingTopic = await Assert.ThrowsAsync<ServiceBusException>(() => Admin.CreateSubscriptionAsync("no-such-topic", name, Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, read.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, delete.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, onMissingTopic.Reason);
    }

    [Fact]
    public async Task A_deleted_subscription_stops_receiving_and_is_gone()
    {
        string name = NewName("gone");
        await Admin.CreateSubscriptionAsync(Topic, name, Cancelled);

        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);

        Assert.False(await Admin.SubscriptionExistsAsync(Topic, name, Cancelled));
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Topic, name);
        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2), Cancelled));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task A_new_subscription_lists_the_default_rule_and_rules_are_added_updated_and_deleted()
    {
        string name = NewName("rules");
        await Admin.CreateSubscriptionAsync(Topic, name, Cancelled);

        List<RuleProperties> initial = await ListRulesAsync(name);
        await Admin.CreateRuleAsync(Topic, name, new CreateRuleOptions("urgent", new SqlRuleFilter("priority = 'high'")), Cancelled);
        await Admin.CreateRuleAsync(Topic, name, new CreateRuleOptions("partner", new CorrelationRuleFilter { Subject = "assigned", ApplicationProperties = { ["partnerId"] = "gh-001", ["level"] = 2 } }), Cancelled);
        await Admin.DeleteRuleAsync(Topic, name, RuleProperties.DefaultRuleName, Cancelled);
        RuleProperties urgent = await Admin.GetRuleAsync(Topic, name, "urgent", Cancelled);
        urgent.Filter = new SqlRuleFilter("priority = 'high' AND organisationId IN ('org-1', 'org-2')");
        await Admin.UpdateRuleAsync(Topic, name, urgent, Cancelled);
        List<RuleProperties> after = await ListRulesAsync(name);

        RuleProperties only = Assert.Single(initial);
        Assert.Equal(RuleProperties.DefaultRuleName, only.Name);
        Assert.IsType<TrueRuleFilter>(only.Filter);
        Assert.Equal(["partner", "urgent"], after.Select(r => r.Name).Order());
        var sql = Assert.IsType<SqlRuleFilter>(after.Single(r => r.Name == "urgent").Filter);
        Assert.Equal("priority = 'high' AND organisationId IN ('org-1', 'org-2')", sql.SqlExpression);
        var correlation = Assert.IsType<CorrelationRuleFilter>(after.Single(r => r.Name == "partner").Filter);
        Assert.Equal("assigned", correlation.Subject);
        Assert.Equal("gh-001", correlation.ApplicationProperties["partnerId"]);
        Assert.Equal(2, correlation.ApplicationProperties["level"]);

        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);
    }

    [Fact]
    public async Task Messages_follow_the_rules_as_they_are_changed()
    {
        string name = NewName("routed");
        await Admin.CreateSubscriptionAsync(Topic, name, Cancelled);
        await Admin.DeleteRuleAsync(Topic, name, RuleProperties.DefaultRuleName, Cancelled);
        await Admin.CreateRuleAsync(Topic, name, new CreateRuleOptions("urgent", new SqlRuleFilter("priority = 'high'")), Cancelled);
        await using ServiceBusSender sender = Client.CreateSender(Topic);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Topic, name, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

        await sender.SendMessagesAsync([Message("urgent", ("priority", "high")), Message("routine", ("priority", "low"))], Cancelled);
        List<ServiceBusReceivedMessage> whileUrgentOnly = await ReceiveAtLeastAsync(receiver, 2, TimeSpan.FromSeconds(3));
        await Admin.DeleteRuleAsync(Topic, name, "urgent", Cancelled);
        await sender.SendMessageAsync(Message("unrouted", ("priority", "high")), Cancelled);
        ServiceBusReceivedMessage? withoutRules = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2), Cancelled);

        Assert.Equal(["urgent"], whileUrgentOnly.Select(m => m.Body.ToString()));
        Assert.Null(withoutRules);
        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);
    }

    [Fact]
    public async Task Rule_operations_answer_already_exists_not_found_and_bad_filters_like_Service_Bus()
    {
        string name = NewName("rule-errors");
        await Admin.CreateSubscriptionAsync(Topic, name, Cancelled);

        var twice = await Assert.ThrowsAsync<ServiceBusException>(() =>
            Admin.CreateRuleAsync(Topic, name, new CreateRuleOptions(RuleProperties.DefaultRuleName, new TrueRuleFilter()), Cancelled));
        var deleteMissing = await Assert.ThrowsAsync<ServiceBusException>(() => Admin.DeleteRuleAsync(Topic, name, "no-such-rule", Cancelled));
        var onMissingSubscription = await Assert.ThrowsAsync<ServiceBusException>(() =>
            Admin.CreateRuleAsync(Topic, NewName("missing"), new CreateRuleOptions("r", new TrueRuleFilter()), Cancelled));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Admin.CreateRuleAsync(Topic, name, new CreateRuleOptions("broken", new SqlRuleFilter("priority = = 'high'")), Cancelled));
        List<RuleProperties> rules = await ListRulesAsync(name);

        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, twice.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, deleteMissing.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, onMissingSubscription.Reason);
        Assert.Equal([RuleProperties.DefaultRuleName], rules.Select(r => r.Name));
        await Admin.DeleteSubscriptionAsync(Topic, name, Cancelled);
    }

    [Fact]
    public async Task Subscriptions_of_a_topic_are_listed()
    {
        string first = NewName("listed");
        string second = NewName("listed");
        await Admin.CreateSubscriptionAsync(Topic, first, Cancelled);
        await Admin.CreateSubscriptionAsync(Topic, second, Cancelled);

        var names = new List<string>();
        await foreach (SubscriptionProperties subscription in Admin.GetSubscriptionsAsync(Topic, Cancelled))
        {
            names.Add(subscription.SubscriptionName);
        }

        Assert.Contains(first, names);
        Assert.Contains(second, names);
        Assert.True(await Admin.TopicExistsAsync(Topic, Cancelled));
        Assert.False(await Admin.TopicExistsAsync("no-such-topic", Cancelled));
        await Admin.DeleteSubscriptionAsync(Topic, first, Cancelled);
        await Admin.DeleteSubscriptionAsync(Topic, second, Cancelled);
    }

    async Task<List<RuleProperties>> ListRulesAsync(string subscription)
    {
        var rules = new List<RuleProperties>();
        await foreach (RuleProperties rule in Admin.GetRulesAsync(Topic, subscription, Cancelled))
        {
            rules.Add(rule);
        }

        return rules;
    }

    /// <summary>Subscription names are at most 50 characters.</summary>
    static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 21, 50)];

    static ServiceBusMessage Message(string body, params (string Key, object Value)[] properties)
    {
        var message = new ServiceBusMessage(body) { MessageId = NewId(body) };
        foreach ((string key, object value) in properties)
        {
            message.ApplicationProperties[key] = value;
        }

        return message;
    }
}

public sealed class AdministrationOnStandIn(StandInFixture standIn) : AdministrationContract(standIn.Target);

public sealed class AdministrationOnExternalNamespace() : AdministrationContract(ContractTarget.External);
