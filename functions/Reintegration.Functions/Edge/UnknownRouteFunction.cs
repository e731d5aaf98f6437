using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;

namespace Reintegration.Functions.Edge;

/// <summary>
/// Every path under the API prefix that no other function takes: 404 problem+json, or 405 with Allow when the
/// route exists for other methods. Without it the Functions host answers such requests itself, with an empty body.
/// The host tries function routes in the order of their function names, so this one's name sorts after every
/// other (a test keeps it so); ASP.NET Core routing in the local host puts a catch-all last by itself.
/// </summary>
public sealed class UnknownRouteFunction
{
    private static readonly FunctionRoutes Routes = FunctionRoutes.Of(typeof(UnknownRouteFunction).Assembly);

    public const string Name = "zzUnknownRoute";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request, string? path)
    {
        var allowed = Routes.MethodsOf(path ?? "");
        return allowed.Count == 0
            ? ProblemMapping.UnknownRoute(request).ToResponse()
            : ProblemMapping.MethodNotAllowed(request, allowed).ToResponse().WithHeader("Allow", string.Join(", ", allowed));
    }
}
