using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Functions;

/// <summary>The rules for what the local host serves: the conventions the function classes are written to.</summary>
internal static class FunctionShape
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker";

    public static FunctionDescriptor Describe(MethodInfo method)
    {
        var name = method.GetCustomAttribute<FunctionAttribute>()?.Name
            ?? throw new ArgumentException($"{method.Name} has no [Function] attribute.", nameof(method));
        var problems = new List<string>();

        CheckClassAndMethod(method, problems);
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Attribute: TriggerAttributeOf(p)))
            .Where(t => t.Attribute is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            var found = triggers.Count == 0 ? "none" : string.Join(", ", triggers.Select(t => t.Attribute!.GetType().Name));
            problems.Add($"needs exactly one trigger parameter (HttpTrigger, TimerTrigger or QueueTrigger); found {found}");
            throw Unsupported(name, method, problems);
        }

        var (triggerParameter, triggerAttribute) = triggers[0];
        var trigger = triggerAttribute switch
        {
            HttpTriggerAttribute => TriggerKind.Http,
            TimerTriggerAttribute => TriggerKind.Timer,
            QueueTriggerAttribute => TriggerKind.Queue,
            _ => (TriggerKind?)null,
        };
        if (trigger is null)
        {
            problems.Add($"trigger [{triggerAttribute!.GetType().Name}] is not supported (HttpTrigger, TimerTrigger, QueueTrigger are)");
            throw Unsupported(name, method, problems);
        }

        CheckTriggerType(trigger.Value, triggerParameter, problems);
        var routeParameters = trigger == TriggerKind.Http ? RouteParameters(name, (HttpTriggerAttribute)triggerAttribute!, problems) : [];
        var bindings = method.GetParameters()
            .Select(p => p == triggerParameter
                ? new ParameterBinding(p, ParameterSource.Trigger)
                : BindOther(p, trigger.Value, routeParameters, problems))
            .OfType<ParameterBinding>()
            .ToList();
        var returnShape = CheckReturn(method, trigger.Value, problems);

        return problems.Count == 0
            ? new FunctionDescriptor(name, method, trigger.Value, triggerParameter, triggerAttribute!, bindings, returnShape)
            : throw Unsupported(name, method, problems);
    }

    private static UnsupportedFunctionException Unsupported(string name, MethodInfo method, IEnumerable<string> problems) =>
        new($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): {string.Join("; ", problems)}.");

    private static void CheckClassAndMethod(MethodInfo method, List<string> problems)
    {
        var type = method.DeclaringType!;
        if (!type.IsVisible || type.IsAbstract || type.IsGenericTypeDefinition)
        {
            problems.Add("its class must be public, non-static, non-abstract and not generic");
        }

        if (!method.IsPublic || method.IsStatic || method.IsGenericMethodDefinition)
        {
            problems.Add("the method must be public, non-static and not generic");
        }

        var otherAttributes = method.GetCustomAttributes()
            .Concat(method.ReturnParameter.GetCustomAttributes())
            .Where(a => a is not FunctionAttribute && IsWorkerAttribute(a))
            .Select(a => a.GetType().Name)
            .ToList();
        if (otherAttributes.Count > 0)
        {
            problems.Add($"method or return attributes are not supported: {string.Join(", ", otherAttributes)}");
        }
    }

    private static bool IsWorkerAttribute(Attribute attribute) =>
        attribute.GetType().Namespace?.StartsWith(WorkerNamespace, StringComparison.Ordinal) == true;

    private static Attribute? TriggerAttributeOf(ParameterInfo parameter) =>
        parameter.GetCustomAttributes().FirstOrDefault(a =>
            a is HttpTriggerAttribute or TimerTriggerAttribute or QueueTriggerAttribute
            || a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));

    private static void CheckTriggerType(TriggerKind trigger, ParameterInfo parameter, List<string> problems)
    {
        var type = parameter.ParameterType;
        var supported = trigger switch
        {
            TriggerKind.Http => type == typeof(HttpRequest),
            TriggerKind.Timer => type == typeof(TimerInfo),
            TriggerKind.Queue => QueuePayload.IsSupported(type),
            _ => false,
        };
        if (!supported)
        {
            var expected = trigger switch
            {
                TriggerKind.Http => "Microsoft.AspNetCore.Http.HttpRequest",
                TriggerKind.Timer => "TimerInfo",
                _ => "string, byte[], BinaryData, QueueMessage, JsonElement or a JSON-deserialisable class",
            };
            problems.Add($"{trigger} trigger parameter '{parameter.Name}' has type {type.Name}; expected {expected}");
        }
    }

    private static HashSet<string> RouteParameters(string name, HttpTriggerAttribute http, List<string> problems)
    {
        var route = string.IsNullOrWhiteSpace(http.Route) ? name : http.Route.Trim('/');
        try
        {
            return RoutePatternFactory.Parse(route).Parameters
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (RoutePatternException ex)
        {
            problems.Add($"route '{route}' is not a valid route template: {ex.Message}");
            return [];
        }
    }

    private static ParameterBinding? BindOther(ParameterInfo parameter, TriggerKind trigger, HashSet<string> routeParameters, List<string> problems)
    {
        var type = parameter.ParameterType;
        var bindingAttributes = parameter.GetCustomAttributes().Where(IsWorkerAttribute).Select(a => a.GetType().Name).ToList();
        if (bindingAttributes.Count > 0)
        {
            problems.Add($"parameter '{parameter.Name}' has binding attributes the local host does not support: {string.Join(", ", bindingAttributes)}");
            return null;
        }

        if (type == typeof(CancellationToken))
        {
            return new ParameterBinding(parameter, ParameterSource.CancellationToken);
        }

        if (type == typeof(FunctionContext))
        {
            return new ParameterBinding(parameter, ParameterSource.FunctionContext);
        }

        if (trigger == TriggerKind.Http && parameter.Name is { } routeName && routeParameters.Contains(routeName))
        {
            if (type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)))
            {
                return new ParameterBinding(parameter, ParameterSource.RouteValue);
            }

            problems.Add($"route value parameter '{parameter.Name}' has type {type.Name}, which cannot be converted from a string");
            return null;
        }

        var allowed = trigger == TriggerKind.Http
            ? "a route value of the same name, a CancellationToken or a FunctionContext"
            : "a CancellationToken or a FunctionContext";
        problems.Add($"parameter '{parameter.Name}' ({type.Name}) is not the trigger and not {allowed}");
        return null;
    }

    private static ReturnShape CheckReturn(MethodInfo method, TriggerKind trigger, List<string> problems)
    {
        var type = method.ReturnType;
        var (shape, valueType) = type switch
        {
            _ when type == typeof(void) => (ReturnShape.Void, null),
            _ when type == typeof(Task) => (ReturnShape.Task, null),
            _ when type == typeof(ValueTask) => (ReturnShape.ValueTask, null),
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(Task<>) => (ReturnShape.TaskOfValue, type.GetGenericArguments()[0]),
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(ValueTask<>) => (ReturnShape.ValueTaskOfValue, type.GetGenericArguments()[0]),
            _ => (ReturnShape.Value, type),
        };

        if (valueType is null)
        {
            return shape;
        }

        if (trigger != TriggerKind.Http)
        {
            problems.Add($"returns {type.Name}: a {trigger} function's return value would be an output binding, which is not supported; return void or Task");
        }
        else if (!typeof(IActionResult).IsAssignableFrom(valueType) && !typeof(IResult).IsAssignableFrom(valueType))
        {
            problems.Add($"returns {Describe(type)}: an HTTP function must return IActionResult or IResult (optionally in a Task or ValueTask), or void/Task");
        }

        return shape;
    }

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}
