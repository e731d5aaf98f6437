using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.LocalHost.Functions;

/// <summary>
/// Invokes one function in the given (scoped) services: a new instance of the function class per invocation,
/// constructor-injected, as the Functions worker does. Each invocation is an "Invoke" span on the worker's
/// ActivitySource with the worker's faas.* tags, so traces look the same under both hosts.
/// </summary>
internal static class FunctionInvoker
{
    /// <summary>The Functions worker's own ActivitySource name.</summary>
    public const string WorkerActivitySource = "Microsoft.Azure.Functions.Worker";

    private static readonly ActivitySource Worker = new(WorkerActivitySource);

    public static async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, InvocationInput input)
    {
        using var invocation = Worker.StartActivity("Invoke");
        invocation?.SetTag("faas.name", function.Name);
        invocation?.SetTag("faas.trigger", function.Trigger switch
        {
            TriggerKind.Http => "http",
            TriggerKind.Timer => "timer",
            TriggerKind.Queue => "pubsub",
            _ => "other",
        });
        try
        {
            return await InvokeCoreAsync(function, services, input).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            invocation?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private static async Task<object?> InvokeCoreAsync(FunctionDescriptor function, IServiceProvider services, InvocationInput input)
    {
        var arguments = function.Parameters.Select(p => Argument(p, function, services, input)).ToArray();
        var instance = ActivatorUtilities.CreateInstance(services, function.FunctionClass);
        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        return await Unwrap(function.ReturnShape, returned).ConfigureAwait(false);
    }

    private static object? Argument(ParameterBinding binding, FunctionDescriptor function, IServiceProvider services, InvocationInput input) =>
        binding.Source switch
        {
            ParameterSource.Trigger => input.TriggerValue,
            ParameterSource.CancellationToken => input.CancellationToken,
            ParameterSource.FunctionContext => new LocalFunctionContext(function, services, input),
            ParameterSource.RouteValue => RouteValue(binding.Parameter, input),
            _ => throw new InvalidOperationException($"Unknown parameter source {binding.Source}."),
        };

    private static object? RouteValue(ParameterInfo parameter, InvocationInput input)
    {
        var raw = input.HttpContext?.Request.RouteValues[parameter.Name!];
        var type = parameter.ParameterType;
        if (raw is null || type.IsInstanceOfType(raw))
        {
            return raw ?? (parameter.HasDefaultValue ? parameter.DefaultValue : null);
        }

        return TypeDescriptor.GetConverter(type).ConvertFrom(null, CultureInfo.InvariantCulture, Convert.ToString(raw, CultureInfo.InvariantCulture)!);
    }

    private static async Task<object?> Unwrap(ReturnShape shape, object? returned)
    {
        switch (shape)
        {
            case ReturnShape.Task or ReturnShape.TaskOfValue:
                var task = (Task)returned!;
                await task.ConfigureAwait(false);
                return shape == ReturnShape.TaskOfValue ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ReturnShape.ValueTask:
                await ((ValueTask)returned!).ConfigureAwait(false);
                return null;
            case ReturnShape.ValueTaskOfValue:
                // ValueTask<T> is a struct of unknown T here: convert it to Task<T> and read that.
                var asTask = (Task)returned!.GetType().GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                await asTask.ConfigureAwait(false);
                return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
            default:
                return returned;
        }
    }
}
