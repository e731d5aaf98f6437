using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;

namespace Reintegration.Functions.Edge;

/// <summary>
/// The app's edge under the Functions host (the local host has the same in its EdgeMiddleware): security headers
/// on every answer, the app's request-line and header limits as problem+json, a problem+json 500 for an exception
/// that escapes a function, and one request log line without the query string and with the path escaped.
/// </summary>
public sealed class EdgeWorkerMiddleware(ILogger<EdgeWorkerMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        http.Response.OnStarting(() =>
        {
            SecurityHeaders.Apply(http.Response.Headers);
            return Task.CompletedTask;
        });
        try
        {
            if (EdgeLimits.Check(http.Request) is { } overLimit)
            {
                SetResult(context, overLimit.ToResponse());
                return;
            }
            await next(context);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError("Unexpected {ExceptionType} in {Function}", e.GetType().FullName, context.FunctionDefinition.Name);
            SetResult(context, ProblemMapping.Unexpected(http.Request).ToResponse());
        }
        finally
        {
            logger.LogInformation("{Method} {Path} answered by {Function} in {ElapsedMs:0} ms", LogValue.Of(http.Request.Method),
                LogValue.Of(http.Request.Path.Value), context.FunctionDefinition.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    // The ASP.NET Core integration writes an IActionResult invocation result to the response after this middleware.
    private static void SetResult(FunctionContext context, JsonResponse answer) => context.GetInvocationResult().Value = answer;
}
