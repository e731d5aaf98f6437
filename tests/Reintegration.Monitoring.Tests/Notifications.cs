using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;

namespace Reintegration.Monitoring.Tests;

/// <summary>
/// Reads what a subscription received, as the partner's or caseworker's own system would. One receiver per
/// subscription stays open for the test: in receive-and-delete mode a message the broker sends on a receiver's
/// outstanding credit after a receive timed out is already deleted, so closing that receiver would lose it.
/// </summary>
internal sealed class Notifications(string connectionString) : IAsyncDisposable
{
    private readonly ServiceBusClient client = new(connectionString);
    private readonly Dictionary<string, List<ServiceBusReceivedMessage>> received = [];
    private readonly Dictionary<string, ServiceBusReceiver> receivers = [];

    public sealed record Received(string Kind, string CheckpointId, string MessageId, JsonObject Body);

    /// <summary>What partners hear along the journey before monitoring; left out unless asked for, so monitoring tests count alerts.</summary>
    public static readonly IReadOnlySet<string> JourneyKinds = new HashSet<string> { "PartnerAssigned", "PartnerUnassigned", "PlanApproved", "PlanReturned", "Departed" };

    /// <summary>Everything the subscription got for the case so far (waiting up to <paramref name="wait"/> for more).</summary>
    public async Task<List<Received>> ForCase(string subscription, string caseId, TimeSpan wait, bool journey = false)
    {
        if (!received.TryGetValue(subscription, out var messages))
        {
            received[subscription] = messages = [];
        }
        if (!receivers.TryGetValue(subscription, out var receiver))
        {
            receivers[subscription] = receiver = client.CreateReceiver("partner-notifications", subscription,
                new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        }
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var batch = await receiver.ReceiveMessagesAsync(50, TimeSpan.FromMilliseconds(300));
            messages.AddRange(batch);
            if (batch.Count == 0 && DateTime.UtcNow > deadline)
            {
                break;
            }
        }
        return messages.Where(m => (string)m.ApplicationProperties["caseId"] == caseId)
            .Where(m => journey || !JourneyKinds.Contains((string)m.ApplicationProperties["kind"]))
            .Select(m => new Received((string)m.ApplicationProperties["kind"], (string)m.ApplicationProperties["checkpointId"], m.MessageId,
                JsonNode.Parse(m.Body.ToString())!.AsObject()))
            .ToList();
    }

    /// <summary>Waits until the subscription has at least <paramref name="count"/> messages for the case.</summary>
    public async Task<List<Received>> AtLeast(string subscription, string caseId, int count, TimeSpan timeout, bool journey = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var got = await ForCase(subscription, caseId, TimeSpan.Zero, journey);
            if (got.Count >= count || DateTime.UtcNow > deadline)
            {
                return got;
            }
        }
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
