using System.Text.RegularExpressions;
using Reintegration.LocalHost.Functions;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>One HTTP function as the fuzzer sees it: method, route template, route parameters and the request record it reads.</summary>
internal sealed partial record FuzzRoute(string Function, string Method, string Template, IReadOnlyList<string> Parameters, Type? RequestType)
{
    public bool Changes => Method is not ("GET" or "HEAD");

    /// <summary>Every HTTP function of the app, once per method it accepts and request record it reads.</summary>
    public static IReadOnlyList<FuzzRoute> All(FunctionCatalog catalog) =>
    [
        .. catalog.OfTrigger(TriggerKind.Http)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .SelectMany(f => (f.HttpMethods.Count == 0 ? ["GET", "POST", "PUT", "DELETE"] : f.HttpMethods).SelectMany(method =>
                (RequestTypes.ReadBy(f.Method) is { Count: > 0 } read ? read.Select(t => (Type?)t) : [null]).Select(type =>
                    new FuzzRoute(f.Name, method, f.HttpRoute!,
                        [.. RouteParameter().Matches(f.HttpRoute!).Select(m => m.Groups[1].Value)], type)))),
    ];

    /// <summary>The path with each parameter replaced (values are URL text, inserted as they are).</summary>
    public string Path(IReadOnlyDictionary<string, string> values) =>
        "api/" + RouteParameter().Replace(Template, m => values[m.Groups[1].Value]);

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
