using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Contract;
using Reintegration.Functions.Edge;

namespace Reintegration.Functions.Contract;

/// <summary>
/// Every HTTP function of this app, read from its [Function] and HttpTrigger attributes (one operation per method),
/// with the contract beside it: a new function is in the OpenAPI document the moment it exists.
/// </summary>
public static class HttpFunctions
{
    public static IReadOnlyList<HttpOperation> All { get; } = Of(typeof(HttpFunctions).Assembly);

    public static IReadOnlyList<HttpOperation> Of(Assembly assembly) =>
        (from type in assembly.GetTypes()
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
         let function = method.GetCustomAttribute<FunctionAttribute>()
         where function is not null && function.Name != UnknownRouteFunction.Name
         from parameter in method.GetParameters()
         let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
         where trigger?.Route is not null
         from verb in trigger.Methods ?? []
         select new HttpOperation(function.Name, trigger.Route!, verb.ToUpperInvariant(), method.GetCustomAttribute<ApiOperationAttribute>()))
        .OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
}
