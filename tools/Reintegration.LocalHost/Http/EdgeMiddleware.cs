using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;

namespace Reintegration.LocalHost.Http;

/// <summary>
/// The app's edge on Kestrel, as the Functions app's worker middleware is under the Functions host: security
/// headers on every answer, the app's request-line and header limits, a problem+json answer for whatever would
/// otherwise leave without a body (no route, a wrong method, an unreadable request, a failure), and one request
/// log line without the query string and with the path escaped. Routes under the API prefix that no function has
/// are answered by the app's own catch-all function, the same under both hosts.
/// </summary>
internal sealed class EdgeMiddleware(RequestDelegate next, ILogger<EdgeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var response = context.Response;
        response.OnStarting(() =>
        {
            SecurityHeaders.Apply(response.Headers);
            return Task.CompletedTask;
        });
        try
        {
            if (EdgeLimits.Check(context.Request) is { } overLimit)
            {
                await overLimit.ToResponse().WriteAsync(context).ConfigureAwait(false);
                return;
            }
            await RunAsync(context).ConfigureAwait(false);
        }
        finally
        {
            logger.LogInformation("{Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms", LogValue.Of(context.Request.Method),
                LogValue.Of(context.Request.Path.Value), response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task RunAsync(HttpContext context)
    {
        var response = context.Response;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!response.HasStarted)
        {
            // Kestrel found the body broken while the app read it (bad chunking, a short Content-Length).
            response.Clear();
            await ProblemMapping.Malformed(context.Request, e.StatusCode).ToResponse().WriteAsync(context).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (!response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError("Unexpected {ExceptionType} on {Method} {Path}", e.GetType().FullName, LogValue.Of(context.Request.Method),
                LogValue.Of(context.Request.Path.Value));
            response.Clear();
            await ProblemMapping.Unexpected(context.Request).ToResponse().WriteAsync(context).ConfigureAwait(false);
            return;
        }
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentType is null && response.ContentLength is null)
        {
            await ProblemMapping.ForStatus(context.Request, response.StatusCode).ToResponse().WriteAsync(context).ConfigureAwait(false);
        }
    }
}
