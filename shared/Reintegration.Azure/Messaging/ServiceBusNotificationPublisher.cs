using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Reintegration.Core;
using Reintegration.Core.Monitoring;

namespace Reintegration.Azure.Messaging;

/// <summary>
/// Publishes to the notification topic. Application properties carry the routing (partnerId,
/// organisationId, kind, caseId, checkpointId), so each subscription's filter takes its own; the
/// deterministic MessageId lets the topic's duplicate detection drop a second send.
/// </summary>
public sealed class ServiceBusNotificationPublisher(ServiceBusClient client, NotificationTopic topic) : INotificationPublisher, IAsyncDisposable
{
    private readonly ServiceBusSender sender = client.CreateSender(topic.Name);

    public async Task PublishAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        await sender.SendMessagesAsync(messages.Select(ToServiceBus), cancellationToken);
    }

    public static ServiceBusMessage ToServiceBus(NotificationMessage m)
    {
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(m, ProgrammeJson.Options))
        {
            MessageId = m.MessageId,
            ContentType = "application/json",
            Subject = m.Kind.ToString(),
        };
        message.ApplicationProperties["kind"] = m.Kind.ToString();
        message.ApplicationProperties["caseId"] = m.CaseId;
        message.ApplicationProperties["checkpointId"] = m.CheckpointId;
        if (m.PartnerId is not null) message.ApplicationProperties["partnerId"] = m.PartnerId;
        if (m.OrganisationId is not null) message.ApplicationProperties["organisationId"] = m.OrganisationId;
        return message;
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();
}
