using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Http;

/// <summary>
/// Serves each HTTP-triggered function at its route under the host's route prefix, for its methods only (another
/// method on a served route answers 405). As under Functions Core Tools, the AuthorizationLevel's function keys
/// are not checked locally: the app's own bearer-token check is what protects the API.
/// </summary>
internal static class HttpTriggerEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.OfTrigger(TriggerKind.Http))
        {
            var pattern = RoutePattern(routePrefix, function.HttpRoute!);
            RequestDelegate handler = context => DispatchAsync(function, context);
            var endpoint = function.HttpMethods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, function.HttpMethods, handler);
            endpoint.WithDisplayName($"Function {function.Name}");
        }
    }

    public static string RoutePattern(string routePrefix, string route) =>
        string.IsNullOrEmpty(routePrefix) ? "/" + route : $"/{routePrefix}/{route}";

    private static async Task DispatchAsync(FunctionDescriptor function, HttpContext context)
    {
        // ASP.NET Core already gives each request its own service scope, as the Functions host does per invocation.
        var services = context.RequestServices;
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(
                function,
                services,
                new InvocationInput(context.Request, context.RequestAborted, context)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // As the Functions host: an unhandled exception is a 500 with no body. Only the function name and
            // the exception are logged, never the request body.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + function.Name)
                .LogError(ex, "Function {FunctionName} failed with {ExceptionType}", function.Name, ex.GetType().Name);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        switch (result)
        {
            case IActionResult actionResult:
                // The same executors (and JSON options) as MVC and the Functions ASP.NET Core integration.
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context).ConfigureAwait(false);
                break;
        }
    }
}
