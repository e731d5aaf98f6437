using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.Functions.Edge;

/// <summary>
/// The routes and methods of this app's HTTP functions, read from their attributes, so the catch-all can tell a
/// route that does not exist (404) from a method the route does not take (405 with Allow).
/// </summary>
public sealed class FunctionRoutes
{
    private readonly IReadOnlyList<(string[] Segments, IReadOnlyList<string> Methods)> _routes;

    public FunctionRoutes(IEnumerable<(string Route, IReadOnlyList<string> Methods)> routes) =>
        _routes = routes.Select(r => (r.Route.Split('/'), r.Methods)).ToList();

    public static FunctionRoutes Of(Assembly assembly) => new(
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        where method.GetCustomAttribute<FunctionAttribute>() is { Name: not UnknownRouteFunction.Name }
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger?.Route is not null
        select (trigger.Route!, (IReadOnlyList<string>)(trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList()));

    /// <summary>The methods the routes matching this path (under the route prefix) take; empty when none matches.</summary>
    public IReadOnlyList<string> MethodsOf(string path)
    {
        var segments = path.Trim('/').Split('/');
        return _routes.Where(r => Matches(r.Segments, segments)).SelectMany(r => r.Methods).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static bool Matches(string[] template, string[] segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return true;
            }
            if (i >= segments.Length || segments[i].Length == 0)
            {
                return false;
            }
            var isParameter = template[i].StartsWith('{') && template[i].EndsWith('}');
            if (!isParameter && !template[i].Equals(segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return template.Length == segments.Length;
    }
}
