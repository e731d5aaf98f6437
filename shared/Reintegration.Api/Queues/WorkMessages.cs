using System.Diagnostics;
using System.Text.Json;
using Reintegration.Core;
using Reintegration.Core.Ids;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Observability;

namespace Reintegration.Api.Queues;

/// <summary>Queue messages are input too: a malformed one fails loudly (and ends in the poison queue), never half-works.</summary>
public static class WorkMessages
{
    public static CaseId Read(string message)
    {
        var work = JsonSerializer.Deserialize<CaseWork>(message, ProgrammeJson.Options);
        return work is not null && CaseId.TryFrom(work.CaseId) is { IsSuccess: true } parsed
            ? parsed.ValueObject
            : throw new FormatException("The queue message does not name a case.");
    }

    /// <summary>
    /// Starts the span of handling a message: a child of the span that sent it (its traceparent), so the work
    /// continues the trace of the request that asked for it, and linked to the host's own invocation span. A
    /// message without a valid traceparent (an old one, or one sent by hand) starts a trace of its own: trace
    /// context is never a reason to fail.
    /// </summary>
    public static Activity? StartHandling(string queueName, string message)
    {
        var parent = TraceParentOf(message);
        ActivityLink[]? links = Activity.Current is { } invocation ? [new ActivityLink(invocation.Context)] : null;
        var handling = ProgrammeTelemetry.Source.StartActivity($"process {queueName}", ActivityKind.Consumer, parent, links: links);
        handling?.SetTag("messaging.system", "azure_storage_queues");
        handling?.SetTag("messaging.operation.type", "process");
        handling?.SetTag("messaging.destination.name", queueName);
        return handling;
    }

    private static ActivityContext TraceParentOf(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("traceparent", out var traceparent) && traceparent.ValueKind == JsonValueKind.String)
            {
                var tracestate = document.RootElement.TryGetProperty("tracestate", out var state) && state.ValueKind == JsonValueKind.String
                    ? state.GetString()
                    : null;
                return ActivityContext.TryParse(traceparent.GetString(), tracestate, isRemote: true, out var context) ? context : default;
            }
        }
        catch (JsonException)
        {
            // Read() says what is wrong with the message; here it only has no trace context.
        }
        return default;
    }
}
