using System.Diagnostics;
using Reintegration.Core.Monitoring;

namespace Reintegration.Azure.Storage;

/// <summary>
/// A work queue message as it sits in the queue: the case to work on, and the W3C trace context of the work that
/// asked for it, so the queue-triggered function continues the same trace (docs/decisions/0016). A trace id
/// says nothing about a person.
/// </summary>
public sealed record WorkMessageBody(string CaseId, string? Traceparent = null, string? Tracestate = null)
{
    /// <summary>The message for <paramref name="work"/>, under the given span (usually the enqueue's own).</summary>
    public static WorkMessageBody For(CaseWork work, Activity? sender) =>
        sender is { IdFormat: ActivityIdFormat.W3C }
            ? new(work.CaseId, sender.Id, string.IsNullOrEmpty(sender.TraceStateString) ? null : sender.TraceStateString)
            : new(work.CaseId);
}
