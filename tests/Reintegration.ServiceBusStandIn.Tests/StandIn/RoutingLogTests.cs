using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.StandIn;

/// <summary>A person running the app locally watches partners being notified in the stand-in's log.</summary>
public sealed class RoutingLogTests
{
    const string Config = """
        {
          "UserConfig": {
            "Namespaces": [
              {
                "Name": "sbemulatorns",
                "Queues": [ { "Name": "work" } ],
                "Topics": [
                  {
                    "Name": "partner-notifications",
                    "Properties": { "RequiresDuplicateDetection": true, "DuplicateDetectionHistoryTimeWindow": "PT1M" },
                    "Subscriptions": [
                      { "Name": "partner-gh-001", "Rules": [ { "Name": "p", "Properties": { "FilterType": "Sql", "SqlFilter": { "SqlExpression": "partnerId = 'gh-001'" } } } ] },
                      { "Name": "caseworkers-org-7", "Rules": [ { "Name": "o", "Properties": { "FilterType": "Correlation", "CorrelationFilter": { "Properties": { "organisationId": "org-7" } } } } ] }
                    ]
                  }
                ]
              }
            ]
          }
        }
        """;

    static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_log_names_each_message_and_the_subscriptions_it_went_to_but_never_its_content()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync(Config);
        await using ServiceBusSender sender = standIn.Client.CreateSender("partner-notifications");
        var both = new ServiceBusMessage("Jane Doe, born 1990-01-01, case 4711") { MessageId = "notification-1" };
        both.ApplicationProperties["partnerId"] = "gh-001";
        both.ApplicationProperties["organisationId"] = "org-7";
        var nobody = new ServiceBusMessage("John Doe") { MessageId = "notification-2" };
        nobody.ApplicationProperties["partnerId"] = "gh-404";

        await sender.SendMessagesAsync([both, nobody], Cancelled);
        await sender.SendMessageAsync(new ServiceBusMessage("again") { MessageId = "notification-1" }, Cancelled);
        await using ServiceBusReceiver receiver = standIn.Client.CreateReceiver("partner-notifications", "partner-gh-001");
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        await receiver.DeadLetterMessageAsync(received, "PartnerUnreachable", cancellationToken: Cancelled);

        string[] log = standIn.Log.Lines.ToArray();
        Assert.Contains("Message notification-1 on topic partner-notifications -> subscription partner-gh-001", log);
        Assert.Contains("Message notification-1 on topic partner-notifications -> subscription caseworkers-org-7", log);
        Assert.Contains("Message notification-2 on topic partner-notifications matched no subscription", log);
        Assert.Contains("Message notification-1 on partner-notifications dropped as a duplicate", log);
        Assert.Contains("Message notification-1 on partner-notifications/Subscriptions/partner-gh-001 dead-lettered: PartnerUnreachable", log);
        Assert.DoesNotContain(log, line => line.Contains("Jane", StringComparison.Ordinal) || line.Contains("John", StringComparison.Ordinal));
    }
}
