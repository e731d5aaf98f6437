using Microsoft.AspNetCore.Http;

namespace Reintegration.LocalHost.Functions;

/// <summary>What one trigger event supplies to a function invocation.</summary>
/// <param name="TriggerValue">The value for the trigger parameter (HttpRequest, TimerInfo, the queue payload).</param>
/// <param name="BindingData">Trigger metadata (queue message id, dequeue count...), exposed through FunctionContext.</param>
internal sealed record InvocationInput(
    object? TriggerValue,
    CancellationToken CancellationToken,
    HttpContext? HttpContext = null,
    IReadOnlyDictionary<string, object?>? BindingData = null);
