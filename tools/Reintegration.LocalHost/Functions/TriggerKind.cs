namespace Reintegration.LocalHost.Functions;

public enum TriggerKind
{
    Http,
    Timer,
    Queue,
}

/// <summary>Where an argument of a function method comes from.</summary>
public enum ParameterSource
{
    Trigger,
    CancellationToken,
    FunctionContext,
    RouteValue,
}

/// <summary>The shape of a function's return type, so the invoker knows how to await it and read its value.</summary>
public enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}
