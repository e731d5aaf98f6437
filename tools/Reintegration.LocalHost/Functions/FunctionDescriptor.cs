using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Functions;

/// <summary>One [Function] method, checked and ready to be served by the local host.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(
        string name,
        MethodInfo method,
        TriggerKind trigger,
        ParameterInfo triggerParameter,
        Attribute triggerAttribute,
        IReadOnlyList<ParameterBinding> parameters,
        ReturnShape returnShape)
    {
        Name = name;
        Method = method;
        Trigger = trigger;
        TriggerParameter = triggerParameter;
        TriggerAttribute = triggerAttribute;
        Parameters = parameters;
        ReturnShape = returnShape;
    }

    public string Name { get; }

    public Type FunctionClass => Method.DeclaringType!;

    public MethodInfo Method { get; }

    public TriggerKind Trigger { get; }

    public ParameterInfo TriggerParameter { get; }

    public Attribute TriggerAttribute { get; }

    public IReadOnlyList<ParameterBinding> Parameters { get; }

    public ReturnShape ReturnShape { get; }

    public HttpTriggerAttribute? Http => TriggerAttribute as HttpTriggerAttribute;

    public TimerTriggerAttribute? Timer => TriggerAttribute as TimerTriggerAttribute;

    public QueueTriggerAttribute? Queue => TriggerAttribute as QueueTriggerAttribute;

    /// <summary>The HTTP route without the host's prefix: the attribute's Route, else the function name (as in Azure Functions).</summary>
    public string? HttpRoute => Http is { } http ? (string.IsNullOrWhiteSpace(http.Route) ? Name : http.Route.Trim('/')) : null;

    /// <summary>Upper-case HTTP methods the function accepts; empty means any.</summary>
    public IReadOnlyList<string> HttpMethods =>
        Http?.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? [];

    public override string ToString() => $"{Name} ({FunctionClass.FullName}.{Method.Name})";
}

public sealed record ParameterBinding(ParameterInfo Parameter, ParameterSource Source);
