using System.Transactions;
using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.StandIn;

/// <summary>The errors a client gets when it uses what the stand-in leaves out; the README quotes them.</summary>
public sealed class DocumentedLimitsTests
{
    static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepting_a_session_fails_with_NotSupportedException()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => standIn.Client.AcceptNextSessionAsync("work", cancellationToken: Cancelled));

        Assert.StartsWith("Sessions are not supported by the Service Bus stand-in", error.Message);
    }

    [Fact]
    public async Task Sending_inside_a_transaction_fails_with_NotSupportedException()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        await using ServiceBusSender sender = standIn.Client.CreateSender("work");

        var error = await Assert.ThrowsAsync<NotSupportedException>(async () =>
        {
            using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            await sender.SendMessageAsync(new ServiceBusMessage("in a transaction"), Cancelled);
            scope.Complete();
        });

        Assert.StartsWith("Transactions are not supported by the Service Bus stand-in", error.Message);
    }

    [Fact]
    public async Task The_administration_client_given_the_messaging_connection_string_finds_no_management_API()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        var administration = new ServiceBusAdministrationClient(
            standIn.StandIn.ConnectionString,
            new ServiceBusAdministrationClientOptions { Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => administration.GetSubscriptionAsync("notifications", "all", Cancelled));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Managing_queues_with_the_administration_client_is_refused_as_a_bad_request()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        var administration = new ServiceBusAdministrationClient(
            standIn.StandIn.AdministrationConnectionString,
            new ServiceBusAdministrationClientOptions { Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => administration.GetQueueAsync("work", Cancelled));

        Assert.Contains("manages only topic subscriptions and their rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_rules_at_run_time_fails_with_NotSupportedException()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        await using ServiceBusRuleManager rules = standIn.Client.CreateRuleManager("notifications", "all");

        await Assert.ThrowsAsync<NotSupportedException>(() => rules.CreateRuleAsync("extra", new SqlRuleFilter("1=1"), Cancelled));
    }

    [Fact]
    public async Task A_message_over_256_KiB_is_refused_as_too_large()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        await using ServiceBusSender sender = standIn.Client.CreateSender("work");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage(new byte[300 * 1024]), Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
    }

    [Fact]
    public async Task Sending_to_a_subscription_or_receiving_from_a_topic_is_refused()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        await using ServiceBusSender toSubscription = standIn.Client.CreateSender("notifications/Subscriptions/all");
        await using ServiceBusReceiver fromTopic = standIn.Client.CreateReceiver("notifications");

        await Assert.ThrowsAsync<InvalidOperationException>(() => toSubscription.SendMessageAsync(new ServiceBusMessage("x"), Cancelled));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fromTopic.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
    }
}
