using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Auth;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Http;

/// <summary>
/// The pipeline every HTTP function runs through, the same under both hosts: it authenticates
/// the caller (401), checks the organisation its token names (403), runs the use case, and maps
/// every outcome and exception to a ProblemDetails answer. Function classes only bind and call.
/// </summary>
public sealed class HttpEndpoint(BearerAuthenticator authenticator, OrganisationMembership membership, ILogger<HttpEndpoint> logger)
{
    public async Task<IActionResult> AuthorisedAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle)
    {
        Caller? caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(request);
        }
        catch (Exception e)
        {
            return Fail(request, e);
        }
        if (caller is null)
        {
            return ProblemMapping.Unauthenticated(request).ToResponse().WithHeader("WWW-Authenticate", "Bearer");
        }
        // The trace id of the request (W3C trace context when the client sent one) links access records to logs.
        caller = caller with { CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? request.HttpContext.TraceIdentifier };
        return await RunAsync(request, async () =>
        {
            await membership.EnsureRecognisedAsync(caller, request.HttpContext.RequestAborted);
            return await handle(caller);
        });
    }

    public Task<IActionResult> AnonymousAsync(HttpRequest request, Func<Task<IActionResult>> handle) => RunAsync(request, handle);

    private async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (Exception e)
        {
            return Fail(request, e);
        }
    }

    private IActionResult Fail(HttpRequest request, Exception exception)
    {
        if (exception is OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new JsonResponse(StatusCodes.Status499ClientClosedRequest, null);
        }
        var problem = ProblemMapping.For(request, exception);
        if (problem is not null)
        {
            return problem.ToResponse();
        }
        if (DependencyFailure.RetryAfter(exception) is { } retryAfter)
        {
            logger.LogWarning("Cosmos DB did not serve {Method} {Route} ({ExceptionType}); answered 503", LogValue.Of(request.Method),
                LogValue.Of(request.Path.Value), exception.GetType().Name);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return ProblemMapping.CosmosUnavailable(request).ToResponse()
                .WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        // Type and route only: messages of unexpected exceptions may quote data. The route is the caller's: escaped.
        logger.LogError("Unexpected {ExceptionType} on {Method} {Route} at {Site}", exception.GetType().FullName,
            LogValue.Of(request.Method), LogValue.Of(request.Path.Value), exception.TargetSite?.DeclaringType?.FullName);
        return ProblemMapping.Unexpected(request).ToResponse();
    }
}
