using System.Diagnostics;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Reintegration.Core;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Observability;

namespace Reintegration.Azure.Messaging;

/// <summary>
/// Publishes to the notification topic. Application properties carry the routing (partnerId,
/// organisationId, kind, caseId, checkpointId), so each subscription's filter takes its own; the
/// deterministic MessageId lets the topic's duplicate detection drop a second send. Each message carries the
/// W3C trace context of the publishing span as Diagnostic-Id (what the Service Bus SDKs read) and traceparent /
/// tracestate, so a recipient's processing joins the trace of the request that caused it (docs/decisions/0016).
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
        using var publishing = ProgrammeTelemetry.Source.StartActivity($"publish {topic.Name}", ActivityKind.Producer);
        publishing?.SetTag("messaging.system", "servicebus");
        publishing?.SetTag("messaging.operation.type", "send");
        publishing?.SetTag("messaging.destination.name", topic.Name);
        publishing?.SetTag("messaging.batch.message_count", messages.Count);
        await sender.SendMessagesAsync(messages.Select(m => ToServiceBus(m, publishing ?? Activity.Current)), cancellationToken);
    }

    public static ServiceBusMessage ToServiceBus(NotificationMessage m, Activity? trace = null)
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
        if (trace is { IdFormat: ActivityIdFormat.W3C, Id: { } traceparent })
        {
            message.ApplicationProperties["Diagnostic-Id"] = traceparent;
            message.ApplicationProperties["traceparent"] = traceparent;
            if (!string.IsNullOrEmpty(trace.TraceStateString)) message.ApplicationProperties["tracestate"] = trace.TraceStateString;
        }
        return message;
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();
}
